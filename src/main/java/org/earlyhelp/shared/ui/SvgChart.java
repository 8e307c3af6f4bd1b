package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Simple charts drawn as SVG on the server (no front-end build): a bar chart of labelled values.
 * Every chart carries its title for screen readers, and callers put a table beside it.
 */
public final class SvgChart {

    /** One bar. */
    public record Bar(String label, double value, String valueText) {}

    /** An 11 px label's average character width, generous for the page's sans-serif font. */
    static final double CHAR_WIDTH = 6.6;
    /** How far apart two neighbouring labels' baselines must be, across the text. */
    static final double LINE = 14;
    /** Longer labels are shortened under the axis; the bar's tooltip and the table keep them whole. */
    static final int LONGEST_LABEL = 26;

    private SvgChart() {}

    /**
     * How the labels under the bars are set so that they never overlap: level when the longest fits
     * its bar's slot; otherwise turned 45 degrees, and thinned to every {@code step}-th label when
     * even turned ones would touch their neighbours.
     */
    record Labels(boolean turned, int step, int below, double reach) {

        static Labels fitting(List<Bar> bars, double slot) {
            int longest = bars.stream()
                    .mapToInt(b -> shortened(b.label()).length())
                    .max()
                    .orElse(0);
            if (longest * CHAR_WIDTH <= slot * 0.9) {
                int step = (int) Math.ceil(LINE / slot);
                return new Labels(false, Math.max(1, step), 36, 0);
            }
            // Turned 45 degrees, neighbours are slot / sqrt(2) apart across the text.
            int step = (int) Math.ceil(LINE / (slot * Math.sqrt(0.5)));
            double reach = longest * CHAR_WIDTH * Math.sqrt(0.5);
            return new Labels(true, Math.max(1, step), (int) Math.ceil(12 + reach + 8), reach);
        }
    }

    static String shortened(String label) {
        return label.length() <= LONGEST_LABEL
                ? label
                : label.substring(0, LONGEST_LABEL - 1).strip() + "…";
    }

    /**
     * A vertical bar chart. Negative values (a surplus where the chart shows a gap) are drawn
     * below a zero line, not dropped.
     *
     * @param title what it shows, read out by screen readers
     * @param bars the bars, in order
     * @param max the top of the scale (for percentages, 100); 0 or less to fit the largest bar
     */
    public static Svg bars(String title, List<Bar> bars, double max) {
        double highest = max > 0
                ? max
                : Math.max(0, bars.stream().mapToDouble(Bar::value).max().orElse(1));
        double low = Math.min(0, bars.stream().mapToDouble(Bar::value).min().orElse(0));
        double top = highest <= 0 && low == 0 ? 1 : highest;
        int width = 640;
        int left = 36;
        int plotHeight = 168;
        double slot = (double) (width - left - 8) / Math.max(1, bars.size());
        Labels labels = Labels.fitting(bars, slot);
        if (labels.turned()) {
            // The first turned label reaches down and to the left of its bar: make room for it.
            left = Math.max(left, (int) Math.ceil(labels.reach() - slot / 2 + 4));
            slot = (double) (width - left - 8) / Math.max(1, bars.size());
            labels = Labels.fitting(bars, slot);
        }
        int bottom = labels.below();
        int height = 16 + plotHeight + bottom;
        double range = top - low;
        DoubleUnaryOperator y = v -> 16 + plotHeight * (top - v) / range;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\""
                        + " class=\"chart\"><title>%s</title>",
                width,
                height,
                Markup.escape(title),
                Markup.escape(title)));
        // Axis and grid lines, labelled: 0, half way and the top; the bottom too below zero. Zero
        // is labelled first; a line too close to a labelled one to take its own label goes without.
        double[] lines = low < 0 ? new double[] {0, low, top} : new double[] {0, top / 2, top};
        List<Double> labelled = new ArrayList<>();
        for (double value : lines) {
            double at = y.applyAsDouble(value);
            boolean room = labelled.stream().allMatch(other -> Math.abs(other - at) >= LINE);
            if (room) {
                labelled.add(at);
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>",
                    left,
                    at,
                    width - 8,
                    at,
                    value == 0 && low < 0 ? "#333" : "#c9ced6"));
            if (room) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">%s</text>",
                        left - 4,
                        at + 4,
                        Markup.escape(format(value))));
            }
        }
        double zero = y.applyAsDouble(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double end = y.applyAsDouble(Math.max(low, Math.min(top, bar.value())));
            double x = left + i * slot + slot * 0.15;
            double w = slot * 0.7;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
                    x,
                    Math.min(zero, end),
                    w,
                    Math.abs(zero - end),
                    bar.value() < 0 ? "#5c6b7a" : "#1a4fa0",
                    Markup.escape(bar.label()),
                    Markup.escape(bar.valueText())));
            if (i % labels.step() != 0) {
                continue;
            }
            double labelX = x + w / 2;
            int labelY = height - bottom + 16;
            svg.append(
                    labels.turned()
                            ? String.format(
                                    Locale.ROOT,
                                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\""
                                            + " transform=\"rotate(-45 %.1f %d)\">%s</text>",
                                    labelX + 4,
                                    labelY - 4,
                                    labelX + 4,
                                    labelY - 4,
                                    Markup.escape(shortened(bar.label())))
                            : String.format(
                                    Locale.ROOT,
                                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\""
                                            + " fill=\"#333\">%s</text>",
                                    labelX,
                                    labelY,
                                    Markup.escape(shortened(bar.label()))));
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.UK, "%.1f", value);
    }
}
