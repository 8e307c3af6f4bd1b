package org.earlyhelp.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** One table definition: the grid on the page and the CSV's rows show the same cells. */
@OwnDataApplicationTest
class TableTests extends SpringBrowserlessTest {

    record Load(String name, int open, @Nullable Integer capacity) {}

    @Test
    void theGridAndTheCsvShowTheSameCellsInTheSameOrder() {
        List<Load> loads = List.of(new Load("Fran", 12, 15), new Load("Cal", 3, null), new Load("Sam", 0, 10));
        Table<Load> table = Table.of(Load.class)
                .text("Name", Load::name)
                .number("Open cases", Load::open)
                .number("Capacity", Load::capacity);
        Grid<Load> grid = table.grid("Caseloads", loads);
        UI.getCurrent().add(grid);

        assertThat(table.headers()).containsExactly("Name", "Open cases", "Capacity");
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText).isEqualTo(table.headers());
        assertThat(grid.getColumns())
                .extracting(Grid.Column::getTextAlign)
                .containsExactly(ColumnTextAlign.START, ColumnTextAlign.END, ColumnTextAlign.END);
        assertThat(grid.getAriaLabel()).contains("Caseloads");

        List<List<?>> rows = table.rows(loads);
        assertThat(rows).hasSize(3);
        assertThat(List.copyOf(rows.get(1).stream().map(String::valueOf).toList()))
                .containsExactly("Cal", "3", "null");
        for (int r = 0; r < loads.size(); r++) {
            for (int c = 0; c < table.headers().size(); c++) {
                Object value = rows.get(r).get(c);
                assertThat(test(grid).getCellText(r, c))
                        .as("row %d, column %d", r, c)
                        .isEqualTo(value == null ? "" : String.valueOf(value));
            }
        }
    }
}
