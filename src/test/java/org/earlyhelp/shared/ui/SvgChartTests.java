package org.earlyhelp.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
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
        assertThat(bars.get(0)[0]).isCloseTo(16, Offset.offset(0.1));
        assertThat(bars.get(0)[1]).isCloseTo(128, Offset.offset(0.1));
        assertThat(bars.get(1)[0]).isCloseTo(128, Offset.offset(0.1));
        assertThat(bars.get(1)[1]).isCloseTo(184, Offset.offset(0.1));
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
        assertThat(bars.get(0)[0]).isCloseTo(100, Offset.offset(0.1));
        assertThat(bars.get(1)[0]).isCloseTo(16, Offset.offset(0.1));
        assertThat(bars.get(1)[1]).isCloseTo(184, Offset.offset(0.1));
    }

    private static final Pattern LABEL = Pattern.compile(
            "<text x=\"([0-9.]+)\" y=\"([0-9]+)\" font-size=\"11\" text-anchor=\"(middle|end)\"[^>]*>([^<]*)</text>");

    private static String chart(List<SvgChart.Bar> bars) {
        return SvgChart.bars("Chart", bars, 0).getElement().getProperty("innerHTML");
    }

    /** The labels under the bars (not the scale's numbers), as x, y and text. */
    private static List<String[]> labels(String svg) {
        List<String[]> found = new ArrayList<>();
        Matcher m = LABEL.matcher(svg);
        while (m.find()) {
            if (!m.group(4).matches("-?[0-9.]+")) {
                found.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
            }
        }
        return found;
    }

    /** Issue 21: a year of months fits level, every label shown. */
    @Test
    void shortLabelsStayLevelAndAllShow() {
        List<SvgChart.Bar> months = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            months.add(new SvgChart.Bar(Month.of(i).name().substring(0, 3) + " 26", i, String.valueOf(i)));
        }
        String svg = chart(months);
        assertThat(svg).doesNotContain("rotate(");
        List<String[]> shown = labels(svg);
        assertThat(shown).hasSize(12);
        // Each level label's width fits between its neighbours' centres.
        for (int i = 1; i < shown.size(); i++) {
            double apart = Double.parseDouble(shown.get(i)[0]) - Double.parseDouble(shown.get(i - 1)[0]);
            assertThat(shown.get(i)[3].length() * SvgChart.CHAR_WIDTH).isLessThan(apart);
        }
    }

    /**
     * Issue 21: forty long area names are turned, shortened and thinned so that neighbouring labels
     * stay a line apart across the text, and the first one is not cut off at the left.
     */
    @Test
    void longLabelsAreTurnedShortenedAndThinnedSoThatNoneTouch() {
        List<SvgChart.Bar> areas = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            areas.add(new SvgChart.Bar("Dudley 0" + (10 + i) + "A Netherton, Woodside and St Andrews", i - 5, "x"));
        }
        String svg = chart(areas);
        assertThat(svg).contains("rotate(-45 ");
        List<String[]> shown = labels(svg);
        assertThat(shown).isNotEmpty().hasSizeLessThan(40);
        assertThat(shown).allSatisfy(l -> assertThat(l[3]).hasSizeLessThanOrEqualTo(SvgChart.LONGEST_LABEL));
        assertThat(shown.getFirst()[3]).endsWith("\u2026");
        for (int i = 1; i < shown.size(); i++) {
            double dx = Double.parseDouble(shown.get(i)[0]) - Double.parseDouble(shown.get(i - 1)[0]);
            assertThat(dx * Math.sqrt(0.5))
                    .as("baselines apart across the turned text")
                    .isGreaterThanOrEqualTo(SvgChart.LINE);
        }
        double leftmost = Double.parseDouble(shown.getFirst()[0])
                - shown.getFirst()[3].length() * SvgChart.CHAR_WIDTH * Math.sqrt(0.5);
        assertThat(leftmost).as("the first label's far end").isGreaterThanOrEqualTo(0);
        // The whole name is still in each bar's tooltip.
        assertThat(svg).contains("<title>Dudley 010A Netherton, Woodside and St Andrews: x</title>");
        // And the chart is tall enough for the turned labels.
        Matcher box = Pattern.compile("viewBox=\"0 0 640 ([0-9]+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        double lowest = Double.parseDouble(shown.getFirst()[1])
                + shown.getFirst()[3].length() * SvgChart.CHAR_WIDTH * Math.sqrt(0.5);
        assertThat(Integer.parseInt(box.group(1))).isGreaterThanOrEqualTo((int) Math.ceil(lowest));
    }

    /** Issue 21: a scale line too close to a labelled one goes without its label (found by the browser check). */
    @Test
    void scaleLabelsNeverCrowdEachOther() {
        String svg = chart(List.of(new SvgChart.Bar("Homes", 1.6, "1.6"), new SvgChart.Bar("Fostering", -100, "-100")));
        assertThat(svg).contains(">0</text>", ">-100</text>").doesNotContain(">1.6</text>");
        // Every scale label is at least a line from the next.
        Matcher m = Pattern.compile(
                        "<text x=\"[0-9]+\" y=\"([0-9.]+)\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">")
                .matcher(svg);
        List<Double> ys = new ArrayList<>();
        while (m.find()) {
            ys.add(Double.parseDouble(m.group(1)));
        }
        ys.sort(Double::compare);
        for (int i = 1; i < ys.size(); i++) {
            assertThat(ys.get(i) - ys.get(i - 1)).isGreaterThanOrEqualTo(SvgChart.LINE);
        }
    }
}
