package org.earlyhelp.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The line chart: lines break where there is no value, values below zero go below it, labels stay apart. */
class SvgLineChartTests {

    private static String draw(List<String> labels, List<SvgLineChart.Line> lines, SvgLineChart.Band band) {
        return SvgLineChart.draw("Chart", labels, lines, band, 1, "Forecast")
                .getElement()
                .getProperty("innerHTML");
    }

    @Test
    void aLineWithAGapIsDrawnInTwoPartsAndValuesBelowZeroGoBelowIt() {
        String svg = draw(
                List.of("A", "B", "C", "D"),
                List.of(new SvgLineChart.Line("Gap", Arrays.asList(5.0, null, -3.0, 2.0), "#1a4fa0", false)),
                null);
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        // The scale reaches below zero: its bottom label is negative.
        assertThat(svg).containsPattern(">-\\d+</text>");
    }

    @Test
    void theScaleIsRound() {
        assertThat(SvgLineChart.niceTop(347)).isEqualTo(500);
        assertThat(SvgLineChart.niceTop(1_900)).isEqualTo(2_000);
        assertThat(SvgLineChart.niceTop(0.3)).isEqualTo(0.5);
        assertThat(SvgLineChart.niceTop(0)).isEqualTo(1);
    }

    @Test
    void labelsUnderTheAxisNeverTouch() {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            labels.add("Mar " + (10 + i));
            values.add((double) i);
        }
        String svg = draw(labels, List.of(new SvgLineChart.Line("Count", values, "#333333", false)), null);
        Matcher m = Pattern.compile(
                        "<text x=\"([0-9.]+)\" y=\"(\\d+)\" font-size=\"11\" text-anchor=\"(?:middle|start|end)\" fill=\"#333\">Mar")
                .matcher(svg);
        List<Double> xs = new ArrayList<>();
        while (m.find()) {
            xs.add(Double.parseDouble(m.group(1)));
        }
        assertThat(xs.size()).isBetween(4, 32);
        for (int i = 1; i < xs.size(); i++) {
            assertThat(xs.get(i) - xs.get(i - 1)).isGreaterThanOrEqualTo(6 * SvgLineChart.CHAR_WIDTH);
        }
    }
}
