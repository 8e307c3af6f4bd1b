package org.earlyhelp.hubs;

import java.util.List;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * Areas ready to draw as SVG: their outlines projected to a {@code width} by {@code height}
 * canvas, with what each area is known by.
 *
 * @param width canvas width in SVG units
 * @param height canvas height in SVG units
 * @param areas the areas that have a boundary
 */
public record AreaMap(double width, double height, List<Shape> areas) {

    /**
     * One area on the map.
     *
     * @param code its ONS code
     * @param name its name
     * @param hub its hub, or {@code null}
     * @param imdDecile its deprivation decile, or {@code null}
     * @param population residents
     * @param children residents aged 0-15
     * @param path the SVG path data of its outline
     */
    public record Shape(
            String code,
            String name,
            @Nullable HubId hub,
            @Nullable Integer imdDecile,
            int population,
            int children,
            String path) {}

    public AreaMap {
        areas = List.copyOf(areas);
    }

    public boolean isEmpty() {
        return areas.isEmpty();
    }
}
