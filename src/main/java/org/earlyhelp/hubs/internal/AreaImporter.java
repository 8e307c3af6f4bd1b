package org.earlyhelp.hubs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Postcode;
import org.earlyhelp.shared.imports.CsvReader;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.imports.ImportReport;
import org.earlyhelp.shared.imports.ImportReport.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the open data that defines areas: the list of small areas with their population, the
 * Indices of Deprivation, area and ward boundaries (GeoJSON), and the postcode lookup. Each file
 * streams through one transaction, which is rolled back when any row is bad: a failed file
 * changes nothing.
 */
@Component
public class AreaImporter {

    static final Pattern AREA_CODE = Pattern.compile("[EW]01\\d{6}");
    static final Pattern WARD_CODE = Pattern.compile("[EW]05\\d{6}");
    private static final int MAX_PROBLEMS = 500;
    private static final int POSTCODE_BATCH = 1000;

    private final JdbcClient jdbc;
    private final HubRepository hubs;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    // Features are read one at a time from the middle of the stream.
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    AreaImporter(JdbcClient jdbc, HubRepository hubs, TransactionTemplate transactions, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.transactions = transactions;
    }

    /** A report being built while a file streams through. */
    private static final class Progress {
        final String file;
        long read;
        long saved;
        long skipped;
        final List<Problem> problems = new ArrayList<>();

        Progress(String file) {
            this.file = file;
        }

        void problem(long line, String key, Message reason) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(line, key, reason));
            }
        }

        ImportReport report() {
            return new ImportReport(file, read, problems.isEmpty() ? saved : 0, skipped, problems);
        }
    }

    private ImportReport inTransaction(String file, String what, Work work) {
        Progress progress = new Progress(file);
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    work.run(progress);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!progress.problems.isEmpty()) {
                    status.setRollbackOnly();
                } else {
                    audit.record(
                            AuditAction.IMPORT,
                            "reference-data",
                            what,
                            null,
                            null,
                            file + ": " + progress.read + " rows read, " + progress.saved + " saved, "
                                    + progress.skipped + " passed over");
                }
            });
        } catch (ImportException e) {
            return ImportReport.refused(file, e.why());
        } catch (UncheckedIOException e) {
            return ImportReport.refused(
                    file,
                    new Message(
                            "hubs.import.unreadable",
                            String.valueOf(e.getCause().getMessage())));
        } catch (JacksonException e) {
            return ImportReport.refused(file, new Message("hubs.import.not-geojson", e.getOriginalMessage()));
        }
        return progress.report();
    }

    @FunctionalInterface
    private interface Work {
        void run(Progress progress) throws IOException;
    }

    // ---- the list of areas ------------------------------------------------------------------

    /**
     * The small areas: code, name, total population and children aged 0-15 (the MHCLG population
     * file of the Indices of Deprivation, or any CSV with those columns). New areas are added;
     * known ones have their name and population updated; hub assignments are kept; areas the
     * file does not list are kept, with their postcodes, so nothing that refers to them dangles.
     */
    public ImportReport importAreas(String file, InputStream in) {
        return inTransaction(file, "areas", progress -> {
            // No area is removed: families, requests and postcodes refer to the areas they were
            // given, so areas missing from this file (demonstration areas included) stay.
            try (CsvReader csv = CsvReader.open(in)) {
                int code = required(
                        csv, "area code (LSOA code)", h -> h.startsWith("lsoa code") || h.matches("lsoa\\d\\dcd"));
                int name = required(
                        csv, "area name (LSOA name)", h -> h.startsWith("lsoa name") || h.matches("lsoa\\d\\dnm"));
                int population = required(
                        csv, "total population", h -> h.startsWith("total population") || h.equals("population"));
                int children = required(
                        csv,
                        "children aged 0-15",
                        h -> h.contains("0-15") || h.equals("children") || h.equals("children_0_15"));
                Set<String> seen = new HashSet<>();
                for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                    progress.read++;
                    String areaCode = row.get(code);
                    if (!AREA_CODE.matcher(areaCode).matches()) {
                        progress.problem(row.line(), areaCode, new Message("hubs.import.row.not-area-lsoa-code-they"));
                        continue;
                    }
                    if (!seen.add(areaCode)) {
                        progress.problem(
                                row.line(), areaCode, new Message("hubs.import.row.area-appears-more-than-once"));
                        continue;
                    }
                    String areaName = row.get(name);
                    if (areaName.isEmpty() || areaName.length() > 200) {
                        progress.problem(row.line(), areaCode, new Message("hubs.import.row.area-s-name-missing-too"));
                        continue;
                    }
                    Integer people = count(row.get(population));
                    Integer young = count(row.get(children));
                    if (people == null || young == null) {
                        progress.problem(
                                row.line(),
                                areaCode,
                                new Message("hubs.import.row.population-children-must-whole-numbers"));
                        continue;
                    }
                    if (young > people) {
                        progress.problem(
                                row.line(), areaCode, new Message("hubs.import.row.more-children-than-people"));
                        continue;
                    }
                    if (progress.problems.isEmpty()) {
                        jdbc.sql("""
                                        INSERT INTO hubs.area (code, name, population, children) VALUES (?, ?, ?, ?)
                                        ON CONFLICT (code) DO UPDATE SET name = excluded.name,
                                          population = excluded.population, children = excluded.children,
                                          version = hubs.area.version + 1""").params(areaCode, areaName, people, young).update();
                        progress.saved++;
                    }
                }
            }
            hubs.refreshTotals();
        });
    }

    // ---- deprivation --------------------------------------------------------------------------

    private record Domain(String column, String label, Predicate<String> header) {}

    private static final List<Domain> DOMAINS = List.of(
            new Domain("income_decile", "income decile", h -> h.startsWith("income decile")),
            new Domain("employment_decile", "employment decile", h -> h.startsWith("employment decile")),
            new Domain(
                    "education_decile",
                    "education, skills and training decile",
                    h -> h.startsWith("education, skills and training decile")),
            new Domain(
                    "health_decile",
                    "health deprivation and disability decile",
                    h -> h.startsWith("health deprivation and disability decile")),
            new Domain("crime_decile", "crime decile", h -> h.startsWith("crime decile")),
            new Domain(
                    "housing_decile",
                    "barriers to housing and services decile",
                    h -> h.startsWith("barriers to housing and services decile")),
            new Domain(
                    "living_environment_decile",
                    "living environment decile",
                    h -> h.startsWith("living environment decile")));

    /**
     * The Indices of Deprivation in MHCLG's layout: the IMD rank and decile per area, and, when the
     * file has them, the seven domain deciles. Every area in the file must already be known.
     */
    public ImportReport importDeprivation(String file, InputStream in) {
        return inTransaction(file, "deprivation", progress -> {
            Set<String> known = knownAreas();
            try (CsvReader csv = CsvReader.open(in)) {
                int code = required(
                        csv, "area code (LSOA code)", h -> h.startsWith("lsoa code") || h.matches("lsoa\\d\\dcd"));
                int rank = required(
                        csv,
                        "Index of Multiple Deprivation (IMD) Rank",
                        h -> h.startsWith("index of multiple deprivation (imd) rank"));
                int decile = required(
                        csv,
                        "Index of Multiple Deprivation (IMD) Decile",
                        h -> h.startsWith("index of multiple deprivation (imd) decile"));
                Map<Domain, Integer> domains = new HashMap<>();
                for (Domain d : DOMAINS) {
                    csv.column(d.header()).ifPresent(i -> domains.put(d, i));
                }
                if (!domains.isEmpty() && domains.size() != DOMAINS.size()) {
                    throw new ImportException(new Message("hubs.import.file-has-some-seven-domain"));
                }
                Set<String> seen = new HashSet<>();
                for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                    progress.read++;
                    String areaCode = row.get(code);
                    if (!known.contains(areaCode)) {
                        progress.problem(
                                row.line(),
                                areaCode,
                                new Message(
                                        AREA_CODE.matcher(areaCode).matches()
                                                ? "hubs.import.row.unknown-area-import-list-areas"
                                                : "hubs.import.row.not-area-lsoa-code-they"));
                        continue;
                    }
                    if (!seen.add(areaCode)) {
                        progress.problem(
                                row.line(), areaCode, new Message("hubs.import.row.area-appears-more-than-once"));
                        continue;
                    }
                    Integer imdRank = count(row.get(rank));
                    Integer imdDecile = decile(row.get(decile));
                    if (imdRank == null || imdRank < 1 || imdDecile == null) {
                        progress.problem(
                                row.line(), areaCode, new Message("hubs.import.row.rank-must-whole-number-decile"));
                        continue;
                    }
                    Map<String, Integer> values = new HashMap<>();
                    boolean bad = false;
                    for (Map.Entry<Domain, Integer> d : domains.entrySet()) {
                        Integer value = decile(row.get(d.getValue()));
                        if (value == null) {
                            progress.problem(
                                    row.line(),
                                    areaCode,
                                    new Message(
                                            "hubs.import.row.0-must-1-10",
                                            d.getKey().label()));
                            bad = true;
                            break;
                        }
                        values.put(d.getKey().column(), value);
                    }
                    if (bad || !progress.problems.isEmpty()) {
                        continue;
                    }
                    StringBuilder sql =
                            new StringBuilder("UPDATE hubs.area SET imd_rank = :rank, imd_decile = :decile");
                    for (String column : values.keySet()) {
                        sql.append(", ").append(column).append(" = :").append(column);
                    }
                    sql.append(", version = version + 1 WHERE code = :code");
                    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                            .param("rank", imdRank)
                            .param("decile", imdDecile)
                            .param("code", areaCode);
                    for (Map.Entry<String, Integer> v : values.entrySet()) {
                        statement = statement.param(v.getKey(), v.getValue());
                    }
                    statement.update();
                    progress.saved++;
                }
            }
        });
    }

    // ---- boundaries ---------------------------------------------------------------------------

    /**
     * Area boundaries as a GeoJSON FeatureCollection in longitude and latitude (the ONS layout:
     * properties {@code LSOA11CD} or {@code LSOA21CD}). Every area must already be known; areas
     * are then placed in the ward that contains their centre.
     */
    public ImportReport importAreaBoundaries(String file, InputStream in) {
        return inTransaction(file, "area-boundaries", progress -> {
            Set<String> known = knownAreas();
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
        return inTransaction(file, "ward-boundaries", progress -> {
            Set<String> seen = new HashSet<>();
            features(in, progress, (line, properties, geometry) -> {
                String code = property(properties, "wd\\d\\dcd");
                String name = property(properties, "wd\\d\\dnm");
                if (code == null || !WARD_CODE.matcher(code).matches()) {
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

    private @Nullable Geometry parse(JsonNode geometry, long line, String code, Progress progress) {
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
    private void features(InputStream in, Progress progress, FeatureHandler handler) {
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

    // ---- assignments ----------------------------------------------------------------------------

    /**
     * Which hub each area belongs to: a CSV with the area code and the hub (its code or its name).
     * Each area may appear once; every area and hub must be known. Areas not in the file keep
     * their hub.
     */
    public ImportReport importAssignments(String file, InputStream in) {
        return inTransaction(file, "assignments", progress -> {
            Set<String> known = knownAreas();
            Map<String, String> hubIds = new HashMap<>();
            for (var hub : hubs.findAll()) {
                hubIds.put(hub.id().value(), hub.id().value());
                hubIds.put(hub.name().toLowerCase(Locale.ROOT), hub.id().value());
            }
            try (CsvReader csv = CsvReader.open(in)) {
                int code = required(
                        csv,
                        "area code (LSOA code)",
                        h -> h.startsWith("lsoa code") || h.matches("lsoa\\d\\dcd") || h.equals("area code"));
                int hub = required(csv, "hub", h -> h.equals("hub") || h.equals("hub code") || h.equals("hub name"));
                Set<String> seen = new HashSet<>();
                for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                    progress.read++;
                    String areaCode = row.get(code);
                    String hubId = hubIds.get(row.get(hub).toLowerCase(Locale.ROOT));
                    if (!known.contains(areaCode)) {
                        progress.problem(
                                row.line(), areaCode, new Message("hubs.import.row.unknown-area-import-list-areas-2"));
                        continue;
                    }
                    if (!seen.add(areaCode)) {
                        progress.problem(
                                row.line(), areaCode, new Message("hubs.import.row.area-assigned-more-than-once"));
                        continue;
                    }
                    if (hubId == null) {
                        progress.problem(
                                row.line(), areaCode, new Message("hubs.import.row.unknown-hub-0", row.get(hub)));
                        continue;
                    }
                    if (progress.problems.isEmpty()) {
                        jdbc.sql("UPDATE hubs.area SET hub_id = ?, version = version + 1 WHERE code = ?")
                                .params(hubId, areaCode)
                                .update();
                        progress.saved++;
                    }
                }
            }
            if (progress.problems.isEmpty()) {
                hubs.refreshTotals();
            }
        });
    }

    // ---- postcodes ----------------------------------------------------------------------------

    /**
     * The postcode lookup in the ONS Postcode Directory's CSV layout ({@code pcds} or {@code pcd},
     * and {@code lsoa11} or {@code lsoa21}). Postcodes in areas outside the borough are passed over
     * and counted; a malformed or repeated postcode fails the file.
     */
    public ImportReport importPostcodes(String file, InputStream in) {
        return inTransaction(file, "postcodes", progress -> {
            Set<String> known = knownAreas();
            try (CsvReader csv = CsvReader.open(in)) {
                int postcode = required(
                        csv, "postcode (pcds)", h -> h.equals("pcds") || h.equals("pcd") || h.equals("postcode"));
                int area = required(
                        csv,
                        "area code (lsoa11 or lsoa21)",
                        h -> h.matches("lsoa\\d\\d(cd)?") || h.startsWith("lsoa code"));
                Set<String> seen = new HashSet<>();
                List<Object[]> batch = new ArrayList<>(POSTCODE_BATCH);
                for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                    progress.read++;
                    String areaCode = row.get(area);
                    if (!known.contains(areaCode)) {
                        progress.skipped++;
                        continue;
                    }
                    Postcode parsed;
                    try {
                        parsed = Postcode.parse(row.get(postcode));
                    } catch (Postcode.Invalid e) {
                        progress.problem(row.line(), row.get(postcode), e.why());
                        continue;
                    }
                    if (!seen.add(parsed.value())) {
                        progress.problem(
                                row.line(),
                                parsed.value(),
                                new Message("hubs.import.row.postcode-appears-more-than-once"));
                        continue;
                    }
                    if (progress.problems.isEmpty()) {
                        batch.add(new Object[] {parsed.value(), areaCode});
                        if (batch.size() == POSTCODE_BATCH) {
                            savePostcodes(batch);
                            progress.saved += batch.size();
                            batch.clear();
                        }
                    }
                }
                if (progress.problems.isEmpty() && !batch.isEmpty()) {
                    savePostcodes(batch);
                    progress.saved += batch.size();
                }
            }
        });
    }

    private void savePostcodes(List<Object[]> batch) {
        StringBuilder sql = new StringBuilder("INSERT INTO hubs.postcode (postcode, area_code) VALUES ");
        List<Object> params = new ArrayList<>(batch.size() * 2);
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            params.add(batch.get(i)[0]);
            params.add(batch.get(i)[1]);
        }
        sql.append(" ON CONFLICT (postcode) DO UPDATE SET area_code = excluded.area_code");
        jdbc.sql(sql.toString()).params(params).update();
    }

    // ---- shared -------------------------------------------------------------------------------

    private Set<String> knownAreas() {
        return new HashSet<>(
                jdbc.sql("SELECT code FROM hubs.area").query(String.class).list());
    }

    private static int required(CsvReader csv, String what, Predicate<String> header) {
        return csv.column(header)
                .orElseThrow(() -> new ImportException(
                        new Message("hubs.import.file-has-no-column-0", what, String.join(", ", csv.header()))));
    }

    private static @Nullable Integer count(String value) {
        String digits = value.replace(",", "").strip();
        if (!digits.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static @Nullable Integer decile(String value) {
        Integer n = count(value);
        return n != null && n >= 1 && n <= 10 ? n : null;
    }
}
