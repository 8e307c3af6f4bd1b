package org.earlyhelp.hubs.ui;

import com.vaadin.flow.component.Svg;
import java.util.Locale;
import java.util.function.Function;
import org.earlyhelp.hubs.AreaMap;
import org.jspecify.annotations.Nullable;

/**
 * Draws an {@link AreaMap} as inline SVG on the server: each area filled by a colour the caller
 * chooses, with its name and figure as a tooltip. Colour is never the only carrier of meaning:
 * every map has a legend and a table beside it.
 */
final class AreaMapSvg {

    private AreaMapSvg() {}

    /**
     * @param map the areas
     * @param title what the map shows, read out by screen readers
     * @param fill the fill colour of an area, or {@code null} for "no data"
     * @param label the tooltip of an area
     */
    static Svg draw(
            AreaMap map,
            String title,
            Function<AreaMap.Shape, @Nullable String> fill,
            Function<AreaMap.Shape, String> label) {
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
                        + " aria-label=\"%s\" class=\"area-map\" preserveAspectRatio=\"xMidYMid meet\">",
                map.width(),
                map.height(),
                escape(title)));
        svg.append("<title>").append(escape(title)).append("</title>");
        for (AreaMap.Shape area : map.areas()) {
            String colour = fill.apply(area);
            svg.append("<path d=\"")
                    .append(area.path())
                    .append("\" fill=\"")
                    .append(colour == null ? "#f2f2f2" : colour)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"0.6\" data-area=\"")
                    .append(area.code())
                    .append("\"><title>")
                    .append(escape(label.apply(area)))
                    .append("</title></path>");
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
