package org.earlyhelp.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Bar charts drawn on the server. */
class SvgChartTests {

    private static final Pattern BAR = Pattern.compile(
            "<rect x=\"[0-9.]+\" y=\"([0-9.]+)\" width=\"[0-9.]+\" height=\"([0-9.]+)\" fill=\"[^\"]+\"><title>([^<]*)</title>");

    /** Each bar's top and bottom on the page, in order. */
    private static List<double[]> bars(String svg) {
        List<double[]> found = new ArrayList<>();
        Matcher m = BAR.matcher(svg);
        while (m.find()) {
            double y = Double.parseDouble(m.group(1));
            found.add(new double[] {y, y + Double.parseDouble(m.group(2))});
        }
        return found;
    }

    @Test
    void aSurplusIsDrawnBelowTheZeroLineNotDropped() {
        String svg = SvgChart.bars(
                        "Gap",
                        List.of(
                                new SvgChart.Bar("Fostering", 12, "12"),
                                new SvgChart.Bar("Homes", -6, "-6"),
                                new SvgChart.Bar("Adoption", 0, "0")),
                        0)
                .getElement()
                .getProperty("innerHTML");
        List<double[]> bars = bars(svg);
        assertThat(bars).hasSize(3);
        // The plot runs from y 16 (12) to y 184 (-6): zero sits two thirds of the way down, at 128.
        assertThat(bars.get(0)[0]).isCloseTo(16, org.assertj.core.data.Offset.offset(0.1));
        assertThat(bars.get(0)[1]).isCloseTo(128, org.assertj.core.data.Offset.offset(0.1));
        assertThat(bars.get(1)[0]).isCloseTo(128, org.assertj.core.data.Offset.offset(0.1));
        assertThat(bars.get(1)[1]).isCloseTo(184, org.assertj.core.data.Offset.offset(0.1));
        assertThat(bars.get(2)[1] - bars.get(2)[0]).isZero();
        assertThat(svg).contains(">-6</text>", "Homes: -6");
    }

    @Test
    void positiveBarsKeepTheirScale() {
        String svg = SvgChart.bars(
                        "Share", List.of(new SvgChart.Bar("A", 50, "50%"), new SvgChart.Bar("B", 100, "100%")), 100)
                .getElement()
                .getProperty("innerHTML");
        List<double[]> bars = bars(svg);
        assertThat(bars.get(0)[0]).isCloseTo(100, org.assertj.core.data.Offset.offset(0.1));
        assertThat(bars.get(1)[0]).isCloseTo(16, org.assertj.core.data.Offset.offset(0.1));
        assertThat(bars.get(1)[1]).isCloseTo(184, org.assertj.core.data.Offset.offset(0.1));
    }
}
