package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.earlyhelp.shared.ui.SvgLineChart;
import org.earlyhelp.sufficiency.Forecasts;
import org.earlyhelp.sufficiency.TableExports;
import org.jspecify.annotations.Nullable;

/**
 * Children in care over time, as a commissioner reads it at a glance: the observed history, the
 * forecast of current trends with its band shaded, each scenario as a further line, and the same
 * figures as a table and a CSV.
 */
final class ForecastOverTime {

    /** Colours for scenario lines after current trends, each 3:1 or more on white, drawn dashed. */
    static final List<String> SCENARIO_COLOURS = List.of("#b35806", "#6a51a3", "#1b7837", "#c51b7d", "#8c510a");

    static final String OBSERVED_COLOUR = "#333333";
    static final String BASE_COLOUR = "#1a4fa0";

    /** One point in time: observed (if before or at the start) and each projection (if from the start). */
    record Row(
            LocalDate on,
            @Nullable Long observed,
            List<@Nullable Double> totals,
            @Nullable Double low,
            @Nullable Double high) {}

    private ForecastOverTime() {}

    /** The rows: every date of the history and of the projections, in order. */
    static List<Row> rows(Forecasts.Forecast forecast) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        forecast.history().forEach(o -> dates.add(o.on()));
        forecast.projections().forEach(p -> p.points().forEach(pt -> dates.add(pt.on())));
        Map<LocalDate, Long> observed = new LinkedHashMap<>();
        forecast.history().forEach(o -> observed.put(o.on(), o.total()));
        List<Map<LocalDate, Forecasts.Point>> byDate = new ArrayList<>();
        for (Forecasts.Projection p : forecast.projections()) {
            Map<LocalDate, Forecasts.Point> points = new LinkedHashMap<>();
            p.points().forEach(pt -> points.put(pt.on(), pt));
            byDate.add(points);
        }
        List<Row> rows = new ArrayList<>();
        for (LocalDate on : dates) {
            List<@Nullable Double> totals = new ArrayList<>();
            for (Map<LocalDate, Forecasts.Point> points : byDate) {
                Forecasts.Point pt = points.get(on);
                totals.add(pt == null ? null : pt.total());
            }
            Forecasts.Point base = byDate.getFirst().get(on);
            rows.add(new Row(
                    on, observed.get(on), totals, base == null ? null : base.low(), base == null ? null : base.high()));
        }
        return rows;
    }

    /** The chart. */
    static Component chart(Forecasts.Forecast forecast, Function<String, String> words, DateTimeFormatter month) {
        List<Row> rows = rows(forecast);
        List<String> labels = rows.stream().map(r -> month.format(r.on())).toList();
        List<SvgLineChart.Line> lines = new ArrayList<>();
        lines.add(new SvgLineChart.Line(
                words.apply("forecast.chart.observed"),
                rows.stream()
                        .<@Nullable Double>map(r -> r.observed() == null ? null : (double) r.observed())
                        .toList(),
                OBSERVED_COLOUR,
                false));
        List<Forecasts.Projection> projections = forecast.projections();
        for (int p = 0; p < projections.size(); p++) {
            int index = p;
            lines.add(new SvgLineChart.Line(
                    projections.get(p).scenario().name(),
                    rows.stream()
                            .<@Nullable Double>map(r -> r.totals().get(index))
                            .toList(),
                    p == 0 ? BASE_COLOUR : SCENARIO_COLOURS.get((p - 1) % SCENARIO_COLOURS.size()),
                    p > 0));
        }
        SvgLineChart.Band band = new SvgLineChart.Band(
                words.apply("forecast.chart.band"),
                rows.stream().<@Nullable Double>map(Row::low).toList(),
                rows.stream().<@Nullable Double>map(Row::high).toList());
        int startAt = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).on().equals(forecast.start())) {
                startAt = i;
            }
        }
        return SvgLineChart.draw(
                words.apply("forecast.chart"), labels, lines, band, startAt, words.apply("forecast.chart.divider"));
    }

    /** The same figures as a table. */
    static Grid<Row> table(Forecasts.Forecast forecast, Function<String, String> words, NumberFormat whole) {
        Grid<Row> grid = new Grid<>();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        grid.addColumn(r -> day.format(r.on()))
                .setHeader(words.apply("forecast.chart.date"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.observed() == null ? "" : whole.format(r.observed()))
                .setHeader(words.apply("forecast.chart.observed"))
                .setTextAlign(ColumnTextAlign.END);
        List<Forecasts.Projection> projections = forecast.projections();
        for (int p = 0; p < projections.size(); p++) {
            int index = p;
            grid.addColumn(r -> r.totals().get(index) == null
                            ? ""
                            : whole.format(Math.round(r.totals().get(index))))
                    .setHeader(projections.get(p).scenario().name())
                    .setTextAlign(ColumnTextAlign.END);
        }
        grid.addColumn(r -> r.low() == null ? "" : whole.format(Math.round(r.low())))
                .setHeader(words.apply("forecast.band-low"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> r.high() == null ? "" : whole.format(Math.round(r.high())))
                .setHeader(words.apply("forecast.band-high"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(rows(forecast));
        grid.setAllRowsVisible(true);
        grid.setId("forecast-over-time");
        grid.setAriaLabel(words.apply("forecast.chart"));
        return grid;
    }

    /** The headers of the CSV. */
    static List<String> headers(Forecasts.Forecast forecast, Function<String, String> words) {
        List<String> headers =
                new ArrayList<>(List.of(words.apply("forecast.chart.date"), words.apply("forecast.chart.observed")));
        forecast.projections().forEach(p -> headers.add(p.scenario().name()));
        headers.add(words.apply("forecast.band-low"));
        headers.add(words.apply("forecast.band-high"));
        return headers;
    }

    /** The rows of the CSV: dates as ISO dates, counts of children as such. */
    static List<List<Object>> csvRows(Forecasts.Forecast forecast) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : rows(forecast)) {
            List<Object> row = new ArrayList<>();
            row.add(r.on().toString());
            row.add(r.observed() == null ? "" : new TableExports.Children(r.observed()));
            r.totals().forEach(t -> row.add(t == null ? "" : new TableExports.Children(t)));
            row.add(r.low() == null ? "" : new TableExports.Children(r.low()));
            row.add(r.high() == null ? "" : new TableExports.Children(r.high()));
            rows.add(row);
        }
        return rows;
    }
}
