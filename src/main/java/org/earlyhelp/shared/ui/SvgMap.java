package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Svg;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A map drawn as inline SVG on the server: regions given as SVG paths, each filled by a colour and
 * named in a tooltip. Colour is never the only carrier of meaning: callers add a legend and a
 * table beside every map.
 */
public final class SvgMap {

    /**
     * One region.
     *
     * @param id an identifier, written as {@code data-region}
     * @param path SVG path data
     * @param fill its colour, or {@code null} for "no data"
     * @param label its tooltip
     */
    public record Region(String id, String path, @Nullable String fill, String label) {}

    private SvgMap() {}

    public static Svg draw(double width, double height, String title, List<Region> regions) {
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
                        + " aria-label=\"%s\" class=\"area-map\" preserveAspectRatio=\"xMidYMid meet\">",
                width,
                height,
                Markup.escape(title)));
        svg.append("<title>").append(Markup.escape(title)).append("</title>");
        for (Region region : regions) {
            svg.append("<path d=\"")
                    .append(region.path())
                    .append("\" fill=\"")
                    .append(region.fill() == null ? "#f2f2f2" : region.fill())
                    .append("\" stroke=\"#ffffff\" stroke-width=\"0.6\" data-region=\"")
                    .append(Markup.escape(region.id()))
                    .append("\"><title>")
                    .append(Markup.escape(region.label()))
                    .append("</title></path>");
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }
}
