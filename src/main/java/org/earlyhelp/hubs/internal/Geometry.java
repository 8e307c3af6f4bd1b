package org.earlyhelp.hubs.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A polygon or multipolygon in longitude and latitude, read from a GeoJSON geometry: enough to
 * place a point in it, find its centre and draw it.
 *
 * @param polygons each polygon as its rings (the outline first, then any holes), each ring as
 *     [longitude, latitude] points
 */
public record Geometry(List<List<List<double[]>>> polygons) {

    /** Reads a GeoJSON Polygon or MultiPolygon; refuses anything else with a plain reason. */
    public static Geometry fromGeoJson(JsonNode geometry) {
        if (geometry == null || geometry.isNull() || !geometry.isObject()) {
            throw new IllegalArgumentException("the feature has no geometry");
        }
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        List<List<List<double[]>>> polygons = new ArrayList<>();
        switch (type) {
            case "Polygon" -> polygons.add(polygon(coordinates));
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    throw new IllegalArgumentException("the MultiPolygon has no polygons");
                }
                for (JsonNode p : coordinates) {
                    polygons.add(polygon(p));
                }
            }
            default ->
                throw new IllegalArgumentException("the geometry is "
                        + (type.isEmpty() ? "a shape without a type" : "a " + type) + ", not an area");
        }
        return new Geometry(polygons);
    }

    private static List<List<double[]>> polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon has no rings");
        }
        List<List<double[]>> result = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw new IllegalArgumentException("a ring of a polygon has fewer than 4 points");
            }
            List<double[]> points = new ArrayList<>(ring.size());
            for (JsonNode point : ring) {
                if (!point.isArray()
                        || point.size() < 2
                        || !point.get(0).isNumber()
                        || !point.get(1).isNumber()) {
                    throw new IllegalArgumentException("a point is not a pair of numbers");
                }
                double lon = point.get(0).asDouble();
                double lat = point.get(1).asDouble();
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                    throw new IllegalArgumentException(
                            "a point is not in longitude and latitude (WGS 84); convert the file to that first");
                }
                points.add(new double[] {lon, lat});
            }
            result.add(points);
        }
        return result;
    }

    /** Whether the point lies inside an outline and not in one of its holes. */
    public boolean contains(double lon, double lat) {
        for (List<List<double[]>> rings : polygons) {
            if (inRing(rings.getFirst(), lon, lat)) {
                boolean inHole = false;
                for (int i = 1; i < rings.size(); i++) {
                    inHole |= inRing(rings.get(i), lon, lat);
                }
                if (!inHole) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inRing(List<double[]> ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = ring.get(i)[0], yi = ring.get(i)[1], xj = ring.get(j)[0], yj = ring.get(j)[1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The area-weighted centre of the largest outline, as [longitude, latitude]. */
    public double[] centroid() {
        double[] best = polygons.getFirst().getFirst().getFirst().clone();
        double bestArea = 0;
        for (List<List<double[]>> rings : polygons) {
            List<double[]> ring = rings.getFirst();
            double a = 0, cx = 0, cy = 0;
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double cross = ring.get(j)[0] * ring.get(i)[1] - ring.get(i)[0] * ring.get(j)[1];
                a += cross;
                cx += (ring.get(j)[0] + ring.get(i)[0]) * cross;
                cy += (ring.get(j)[1] + ring.get(i)[1]) * cross;
            }
            if (Math.abs(a) > bestArea) {
                bestArea = Math.abs(a);
                best = new double[] {cx / (3 * a), cy / (3 * a)};
            }
        }
        return best;
    }
}
