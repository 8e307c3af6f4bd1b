package org.earlyhelp.sufficiency.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.sufficiency.Forecasts;
import org.junit.jupiter.api.Test;

/** The forecast over time lines up the history and each projection on one set of dates. */
class ForecastOverTimeTests {

    private static Forecasts.Point point(LocalDate on, double total) {
        return new Forecasts.Point(on, total, total - 10, total + 10, Map.of(), Map.of(), Map.of(), 0, Map.of());
    }

    private static final LocalDate START = LocalDate.of(2021, 3, 31);

    private static Forecasts.Forecast forecast() {
        Forecasts.Projection base = new Forecasts.Projection(
                Forecasts.Scenario.base(),
                List.of(
                        point(START, 300),
                        point(LocalDate.of(2021, 6, 30), 310),
                        point(LocalDate.of(2021, 9, 30), 320)));
        Forecasts.Projection fewer = new Forecasts.Projection(
                new Forecasts.Scenario(null, "Fewer", 0.8, 0, 1, 1, 0, 0, 0),
                List.of(
                        point(START, 300),
                        point(LocalDate.of(2021, 6, 30), 290),
                        point(LocalDate.of(2021, 9, 30), 270)));
        return new Forecasts.Forecast(
                START.minusYears(2),
                START,
                START,
                1,
                100,
                List.of(base, fewer),
                List.of(),
                List.of(
                        new Forecasts.Observed(LocalDate.of(2020, 9, 30), 280),
                        new Forecasts.Observed(LocalDate.of(2020, 12, 31), 290),
                        new Forecasts.Observed(START, 300)));
    }

    @Test
    void historyAndProjectionsShareTheStartAndNothingIsInvented() {
        List<ForecastOverTime.Row> rows = ForecastOverTime.rows(forecast());
        assertThat(rows)
                .extracting(ForecastOverTime.Row::on)
                .containsExactly(
                        LocalDate.of(2020, 9, 30),
                        LocalDate.of(2020, 12, 31),
                        START,
                        LocalDate.of(2021, 6, 30),
                        LocalDate.of(2021, 9, 30));
        assertThat(rows.get(0).observed()).isEqualTo(280);
        assertThat(rows.get(0).totals()).containsOnlyNulls();
        assertThat(rows.get(0).low()).isNull();
        assertThat(rows.get(2).observed()).isEqualTo(300);
        assertThat(rows.get(2).totals()).containsExactly(300.0, 300.0);
        assertThat(rows.get(4).observed()).isNull();
        assertThat(rows.get(4).totals()).containsExactly(320.0, 270.0);
        assertThat(rows.get(4).low()).isEqualTo(310);
        assertThat(rows.get(4).high()).isEqualTo(330);
        List<List<Object>> csv = ForecastOverTime.csvRows(forecast());
        assertThat(csv.get(0).get(0)).isEqualTo("2020-09-30");
        assertThat(csv.get(0).get(2)).isEqualTo("");
        assertThat(ForecastOverTime.headers(forecast(), k -> k))
                .hasSize(csv.get(0).size());
    }

    @Test
    void theChartDrawsEachLineTheBandAndTheLegend() {
        String svg = ForecastOverTime.chart(forecast(), k -> k, DateTimeFormatter.ofPattern("MMM yy", Locale.UK))
                .getElement()
                .getProperty("innerHTML");
        // Observed, current trends and one scenario: three lines; one shaded band.
        assertThat(svg.split("<polyline", -1)).hasSize(4);
        assertThat(svg.split("<polygon", -1)).hasSize(2);
        assertThat(svg).contains("Current trends", "Fewer", "forecast.chart.observed", "forecast.chart.band");
        assertThat(svg).contains("stroke-dasharray=\"6 3\" points=");
        assertThat(NumberFormat.getIntegerInstance(Locale.UK).format(1234)).isEqualTo("1,234");
    }
}
