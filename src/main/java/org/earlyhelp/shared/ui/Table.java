package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One definition of a table's columns that gives both the grid on the page and the rows of its
 * CSV download, so the two cannot drift apart: the same headers, in the same order, with the same
 * values. Number columns are aligned to the end in the grid.
 *
 * @param <T> what a row shows
 */
public final class Table<T> implements Serializable {

    /** How a column gets its value from a row. */
    @FunctionalInterface
    public interface Value<T> extends Serializable {
        @Nullable
        Object of(T row);
    }

    private record Column<T>(String header, Value<T> value, boolean number) implements Serializable {}

    private final List<Column<T>> columns = new ArrayList<>();

    private Table() {}

    public static <T> Table<T> of(Class<T> rows) {
        return new Table<>();
    }

    /** A column of words. */
    public Table<T> text(String header, Value<T> value) {
        columns.add(new Column<>(header, value, false));
        return this;
    }

    /** A column of numbers. */
    public Table<T> number(String header, Value<T> value) {
        columns.add(new Column<>(header, value, true));
        return this;
    }

    /** The grid of {@code rows}, every row visible, named for screen readers. */
    public Grid<T> grid(String ariaLabel, List<T> rows) {
        Grid<T> grid = new Grid<>();
        for (Column<T> c : columns) {
            Grid.Column<T> column = grid.addColumn(row -> {
                        Object v = c.value().of(row);
                        return v == null ? "" : String.valueOf(v);
                    })
                    .setHeader(c.header());
            if (c.number()) {
                column.setTextAlign(ColumnTextAlign.END);
            }
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(ariaLabel);
        return grid;
    }

    /** The headers, for the CSV. */
    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** The same rows as the grid shows, for the CSV (an empty value is {@code null}). */
    public List<List<?>> rows(List<T> rows) {
        return rows.stream()
                .<List<?>>map(row -> Arrays.asList(
                        columns.stream().map(c -> c.value().of(row)).toArray()))
                .toList();
    }
}
