package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * A line chart drawn as SVG on the server: lines over the same points in time, an optional shaded
 * band, a marker where observation ends and projection begins, and a legend above the plot. The
 * scale starts at zero unless a value is below it. Every chart carries its title for screen
 * readers, and callers put a table with the same figures beside it.
 */
public final class SvgLineChart {

    /**
     * One line.
     *
     * @param values one per point in time; {@code null} where the line has no value
     * @param colour its stroke, with at least 3:1 contrast on white
     * @param dashed drawn dashed, so that lines differ by more than colour
     */
    public record Line(String name, List<@Nullable Double> values, String colour, boolean dashed) {}

    /** A band shaded between a low and a high value at each point (null where there is none). */
    public record Band(String name, List<@Nullable Double> low, List<@Nullable Double> high) {}

    static final int WIDTH = 640;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int PLOT = 200;
    static final double CHAR_WIDTH = SvgChart.CHAR_WIDTH;
    static final String BAND = "#1a4fa0";

    private SvgLineChart() {}

    /**
     * The chart.
     *
     * @param labels what each point in time is called, under the axis (thinned so they never touch)
     * @param dividerAt the point where projection begins, marked with {@code dividerText}; -1 for none
     */
    public static Svg draw(
            String title,
            List<String> labels,
            List<Line> lines,
            @Nullable Band band,
            int dividerAt,
            String dividerText) {
        int n = labels.size();
        double high = 0;
        double low = 0;
        for (Line line : lines) {
            for (Double v : line.values()) {
                if (v != null) {
                    high = Math.max(high, v);
                    low = Math.min(low, v);
                }
            }
        }
        if (band != null) {
            for (Double v : band.high()) {
                if (v != null) {
                    high = Math.max(high, v);
                }
            }
            for (Double v : band.low()) {
                if (v != null) {
                    low = Math.min(low, v);
                }
            }
        }
        double top = niceTop(high);
        double bottom = low < 0 ? -niceTop(-low) : 0;
        StringBuilder body = new StringBuilder();
        // The legend: a swatch and a name for each line and the band, wrapped into rows.
        double x = LEFT;
        int row = 0;
        record Key(String name, String colour, boolean dashed, boolean shaded) {}
        List<Key> keys = new ArrayList<>();
        for (Line line : lines) {
            keys.add(new Key(line.name(), line.colour(), line.dashed(), false));
        }
        if (band != null) {
            keys.add(new Key(band.name(), BAND, false, true));
        }
        for (Key key : keys) {
            String name = key.name();
            double itemWidth = 28 + name.length() * CHAR_WIDTH + 16;
            if (x + itemWidth > WIDTH - RIGHT && x > LEFT) {
                row++;
                x = LEFT;
            }
            double y = 14 + row * 18;
            if (key.shaded()) {
                body.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"22\" height=\"10\" fill=\"#1a4fa0\" fill-opacity=\"0.2\""
                                + " stroke=\"#1a4fa0\" stroke-width=\"1\"/>",
                        x,
                        y - 9));
            } else {
                body.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"%s/>",
                        x,
                        y - 4,
                        x + 22,
                        y - 4,
                        key.colour(),
                        key.dashed() ? " stroke-dasharray=\"6 3\"" : ""));
            }
            body.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\" class=\"legend\">%s</text>",
                    x + 28,
                    y,
                    Markup.escape(name)));
            x += itemWidth;
        }
        int plotTop = 14 + (row + 1) * 18 + 8;
        int labelRow = plotTop + PLOT + 18;
        int height = labelRow + 8;
        double range = top - bottom;
        DoubleUnaryOperator yOf = v -> plotTop + PLOT * (top - v) / range;
        double step = n <= 1 ? 0 : (double) (WIDTH - LEFT - RIGHT) / (n - 1);
        IntToDoubleFunction xOf = i -> n <= 1 ? LEFT + (WIDTH - LEFT - RIGHT) / 2.0 : LEFT + i * step;

        // Grid lines labelled at the bottom, half way and the top (and zero when below it).
        double[] marks = bottom < 0 ? new double[] {bottom, 0, top} : new double[] {0, top / 2, top};
        for (double value : marks) {
            double at = yOf.applyAsDouble(value);
            body.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">%s</text>",
                    LEFT,
                    at,
                    WIDTH - RIGHT,
                    at,
                    value == 0 ? "#8a939e" : "#c9ced6",
                    LEFT - 4,
                    at + 4,
                    SvgChart.format(value)));
        }
        if (band != null) {
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Double h = band.high().get(i);
                Double l = band.low().get(i);
                if (h == null || l == null) {
                    continue;
                }
                upper.append(String.format(Locale.ROOT, "%.1f,%.1f ", xOf.applyAsDouble(i), yOf.applyAsDouble(h)));
                lower.insert(0, String.format(Locale.ROOT, "%.1f,%.1f ", xOf.applyAsDouble(i), yOf.applyAsDouble(l)));
            }
            if (!upper.isEmpty()) {
                body.append("<polygon points=\"")
                        .append(upper)
                        .append(lower.toString().strip())
                        .append("\" fill=\"#1a4fa0\" fill-opacity=\"0.2\" stroke=\"none\"><title>")
                        .append(Markup.escape(band.name()))
                        .append("</title></polygon>");
            }
        }
        if (dividerAt >= 0 && dividerAt < n) {
            double at = xOf.applyAsDouble(dividerAt);
            boolean roomOnRight = at + 8 + dividerText.length() * CHAR_WIDTH <= WIDTH - RIGHT;
            body.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#5c6b7a\" stroke-width=\"1\""
                            + " stroke-dasharray=\"2 3\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#333\""
                            + " text-anchor=\"%s\">%s</text>",
                    at,
                    plotTop,
                    at,
                    plotTop + PLOT,
                    roomOnRight ? at + 4 : at - 4,
                    plotTop + 12,
                    roomOnRight ? "start" : "end",
                    Markup.escape(dividerText)));
        }
        for (Line line : lines) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Double v = line.values().get(i);
                if (v == null) {
                    if (!points.isEmpty()) {
                        body.append(polyline(points, line));
                        points.setLength(0);
                    }
                    continue;
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xOf.applyAsDouble(i), yOf.applyAsDouble(v)));
            }
            if (!points.isEmpty()) {
                body.append(polyline(points, line));
            }
        }
        // Labels under the axis, every k-th so that neighbours stay apart.
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        double needed = longest * CHAR_WIDTH + 10;
        int every = n <= 1 ? 1 : Math.max(1, (int) Math.ceil(needed / step));
        for (int i = 0; i < n; i += every) {
            double at = xOf.applyAsDouble(i);
            String anchor = i == 0 ? "start" : "middle";
            if (i + every >= n && i != 0 && at + longest * CHAR_WIDTH / 2 > WIDTH) {
                anchor = "end";
            }
            body.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\" fill=\"#333\">%s</text>",
                    at,
                    labelRow,
                    anchor,
                    Markup.escape(labels.get(i))));
        }
        String svg = String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
                                + " aria-label=\"%s\" class=\"chart line-chart\"><title>%s</title>",
                        WIDTH,
                        height,
                        Markup.escape(title),
                        Markup.escape(title))
                + body
                + "</svg>";
        return new Svg(svg);
    }

    private static String polyline(StringBuilder points, Line line) {
        return "<polyline fill=\"none\" stroke=\"" + line.colour() + "\" stroke-width=\"2.5\""
                + (line.dashed() ? " stroke-dasharray=\"6 3\"" : "") + " points=\""
                + points.toString().strip()
                + "\"><title>" + Markup.escape(line.name()) + "</title></polyline>";
    }

    /** A round top for the scale: 1, 2 or 5 times a power of ten, at or above the value. */
    static double niceTop(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= value) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
