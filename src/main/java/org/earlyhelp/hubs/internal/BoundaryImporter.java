package org.earlyhelp.hubs.internal;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.imports.ImportReport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boundaries of areas and wards from GeoJSON, read a feature at a time from the stream; areas are
 * then placed in the ward that contains their centre. A file with any problem changes nothing.
 */
@Component
public class BoundaryImporter {

    private final JdbcClient jdbc;
    private final ImportRun runs;
    // Features are read one at a time from the middle of the stream.
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    BoundaryImporter(JdbcClient jdbc, ImportRun runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /**
     * Area boundaries as a GeoJSON FeatureCollection in longitude and latitude (the ONS layout:
     * properties {@code LSOA11CD} or {@code LSOA21CD}). Every area must already be known; areas
     * are then placed in the ward that contains their centre.
     */
    public ImportReport importAreaBoundaries(String file, InputStream in) {
        return runs.run(file, "area-boundaries", progress -> {
            Set<String> known = runs.knownAreas();
            Set<String> seen = new HashSet<>();
            features(in, progress, (line, properties, geometry) -> {
                String code = property(properties, "lsoa\\d\\dcd");
                if (code == null) {
                    progress.problem(line, "", new Message("hubs.import.row.feature-has-no-lsoa11cd-lsoa21cd"));
                    return;
                }
                if (!known.contains(code)) {
                    progress.problem(line, code, new Message("hubs.import.row.unknown-area-import-list-areas"));
                    return;
                }
                if (!seen.add(code)) {
                    progress.problem(line, code, new Message("hubs.import.row.area-appears-more-than-once"));
                    return;
                }
                Geometry shape = parse(geometry, line, code, progress);
                if (shape == null || !progress.problems.isEmpty()) {
                    return;
                }
                // ONS files carry an internal centre point (LAT, LONG), which lies inside the area
                // even when its shape is concave; the geometric centre is the fallback.
                double[] centre = properties.path("LONG").isNumber()
                                && properties.path("LAT").isNumber()
                        ? new double[] {
                            properties.path("LONG").asDouble(),
                            properties.path("LAT").asDouble()
                        }
                        : shape.centroid();
                jdbc.sql("""
                                UPDATE hubs.area SET boundary = ?::jsonb, centroid_lon = ?, centroid_lat = ?,
                                  version = version + 1 WHERE code = ?""")
                        .params(json.writeValueAsString(geometry), centre[0], centre[1], code)
                        .update();
                progress.saved++;
            });
            if (progress.problems.isEmpty()) {
                placeAreasInWards();
            }
        });
    }

    /**
     * Electoral ward boundaries as a GeoJSON FeatureCollection (properties such as {@code WD25CD}
     * and {@code WD25NM}); areas are then placed in the ward that contains their centre.
     */
    public ImportReport importWardBoundaries(String file, InputStream in) {
        return runs.run(file, "ward-boundaries", progress -> {
            Set<String> seen = new HashSet<>();
            features(in, progress, (line, properties, geometry) -> {
                String code = property(properties, "wd\\d\\dcd");
                String name = property(properties, "wd\\d\\dnm");
                if (code == null || !AreaImporter.WARD_CODE.matcher(code).matches()) {
                    progress.problem(
                            line, code == null ? "" : code, new Message("hubs.import.row.feature-has-no-ward-code"));
                    return;
                }
                if (name == null || name.isBlank()) {
                    progress.problem(line, code, new Message("hubs.import.row.feature-has-no-ward-name"));
                    return;
                }
                if (!seen.add(code)) {
                    progress.problem(line, code, new Message("hubs.import.row.ward-appears-more-than-once"));
                    return;
                }
                Geometry shape = parse(geometry, line, code, progress);
                if (shape == null || !progress.problems.isEmpty()) {
                    return;
                }
                jdbc.sql("""
                                INSERT INTO hubs.ward (code, name, boundary) VALUES (?, ?, ?::jsonb)
                                ON CONFLICT (code) DO UPDATE SET name = excluded.name, boundary = excluded.boundary""")
                        .params(code, name.strip(), json.writeValueAsString(geometry))
                        .update();
                progress.saved++;
            });
            if (progress.problems.isEmpty()) {
                placeAreasInWards();
            }
        });
    }

    private @Nullable Geometry parse(JsonNode geometry, long line, String code, ImportRun.Progress progress) {
        try {
            return Geometry.fromGeoJson(geometry);
        } catch (IllegalArgumentException e) {
            progress.problem(line, code, new Message("hubs.import.row.invalid-geometry-0", e.getMessage()));
            return null;
        }
    }

    @FunctionalInterface
    private interface FeatureHandler {
        void handle(long line, JsonNode properties, JsonNode geometry);
    }

    /** Streams the features of a FeatureCollection one at a time. */
    private void features(InputStream in, ImportRun.Progress progress, FeatureHandler handler) {
        try (JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(new Message("hubs.import.file-not-geojson-featurecollection"));
            }
            boolean sawFeatures = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        long line = parser.currentLocation().getLineNr();
                        JsonNode feature = json.readTree(parser);
                        progress.read++;
                        handler.handle(line, feature.path("properties"), feature.path("geometry"));
                    }
                } else if ("type".equals(field) && !"FeatureCollection".equals(parser.getString())) {
                    throw new ImportException(new Message("hubs.import.file-geojson-but-not-featurecollection"));
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawFeatures) {
                throw new ImportException(new Message("hubs.import.file-not-geojson-featurecollection-has"));
            }
        }
    }

    private static @Nullable String property(JsonNode properties, String keyPattern) {
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            if (e.getKey().toLowerCase().matches(keyPattern) && e.getValue().isString()) {
                return e.getValue().asString().strip();
            }
        }
        return null;
    }

    /** Puts every area with a centre in the ward whose boundary contains it. */
    private void placeAreasInWards() {
        record WardShape(String code, Geometry shape) {}
        List<WardShape> wards = jdbc.sql("SELECT code, boundary::text FROM hubs.ward WHERE boundary IS NOT NULL")
                .query((rs, n) -> new WardShape(rs.getString(1), Geometry.fromGeoJson(json.readTree(rs.getString(2)))))
                .list();
        if (wards.isEmpty()) {
            return;
        }
        record Centre(String code, double lon, double lat) {}
        List<Centre> centres = jdbc.sql(
                        "SELECT code, centroid_lon, centroid_lat FROM hubs.area WHERE centroid_lon IS NOT NULL")
                .query((rs, n) -> new Centre(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
                .list();
        for (Centre c : centres) {
            Optional<String> ward = wards.stream()
                    .filter(w -> w.shape().contains(c.lon(), c.lat()))
                    .map(WardShape::code)
                    .findFirst();
            jdbc.sql("UPDATE hubs.area SET ward_code = ? WHERE code = ? AND ward_code IS DISTINCT FROM ?")
                    .params(ward.orElse(null), c.code(), ward.orElse(null))
                    .update();
        }
    }
}
