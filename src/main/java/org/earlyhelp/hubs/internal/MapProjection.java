package org.earlyhelp.hubs.internal;

import java.util.List;
import java.util.Locale;

/**
 * Projects longitude and latitude to SVG units for a small area (a borough): equirectangular,
 * with longitude scaled by the cosine of the middle latitude so that shapes are not stretched.
 */
public final class MapProjection {

    private final double minLon;
    private final double maxLat;
    private final double scale;
    private final double lonFactor;
    private final double width;
    private final double height;

    /** A projection fitting the given shapes into a canvas {@code width} wide. */
    public MapProjection(List<Geometry> shapes, double width) {
        double minLon = Double.MAX_VALUE,
                maxLon = -Double.MAX_VALUE,
                minLat = Double.MAX_VALUE,
                maxLat = -Double.MAX_VALUE;
        for (Geometry g : shapes) {
            for (List<List<double[]>> polygon : g.polygons()) {
                for (double[] p : polygon.getFirst()) {
                    minLon = Math.min(minLon, p[0]);
                    maxLon = Math.max(maxLon, p[0]);
                    minLat = Math.min(minLat, p[1]);
                    maxLat = Math.max(maxLat, p[1]);
                }
            }
        }
        if (shapes.isEmpty()) {
            minLon = 0;
            maxLon = 1;
            minLat = 0;
            maxLat = 1;
        }
        this.minLon = minLon;
        this.maxLat = maxLat;
        this.lonFactor = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * lonFactor, 1e-9);
        double spanY = Math.max(maxLat - minLat, 1e-9);
        this.scale = width / spanX;
        this.width = width;
        this.height = spanY * scale;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The SVG path of a shape, dropping points closer than half a unit to the last one kept. */
    public String path(Geometry geometry) {
        StringBuilder d = new StringBuilder();
        for (List<List<double[]>> polygon : geometry.polygons()) {
            for (List<double[]> ring : polygon) {
                double lastX = Double.NaN, lastY = Double.NaN;
                boolean first = true;
                for (double[] p : ring) {
                    double x = (p[0] - minLon) * lonFactor * scale;
                    double y = (maxLat - p[1]) * scale;
                    if (!first && Math.hypot(x - lastX, y - lastY) < 0.5) {
                        continue;
                    }
                    d.append(first ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                    lastX = x;
                    lastY = y;
                    first = false;
                }
                d.append('Z');
            }
        }
        return d.toString();
    }
}
