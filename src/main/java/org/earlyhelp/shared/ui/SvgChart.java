package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Svg;
import java.util.List;
import java.util.Locale;

/**
 * Simple charts drawn as SVG on the server (no front-end build): a bar chart of labelled values.
 * Every chart carries its title for screen readers, and callers put a table beside it.
 */
public final class SvgChart {

    /** One bar. */
    public record Bar(String label, double value, String valueText) {}

    private SvgChart() {}

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
        int height = 220;
        int left = 36;
        int bottom = 36;
        int plotHeight = height - bottom - 16;
        double range = top - low;
        java.util.function.DoubleUnaryOperator y = v -> 16 + plotHeight * (top - v) / range;
        double slot = (double) (width - left - 8) / Math.max(1, bars.size());
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\""
                        + " class=\"chart\"><title>%s</title>",
                width,
                height,
                escape(title),
                escape(title)));
        // Axis and grid lines, labelled: 0, half way and the top; the bottom too below zero.
        double[] lines = low < 0 ? new double[] {low, 0, top} : new double[] {0, top / 2, top};
        for (double value : lines) {
            double at = y.applyAsDouble(value);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">%s</text>",
                    left,
                    at,
                    width - 8,
                    at,
                    value == 0 && low < 0 ? "#333" : "#c9ced6",
                    left - 4,
                    at + 4,
                    escape(format(value))));
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
                    escape(bar.label()),
                    escape(bar.valueText())));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
                    x + w / 2,
                    height - bottom + 16,
                    escape(bar.label())));
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.UK, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
