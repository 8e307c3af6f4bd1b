package org.earlyhelp.hubs.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Postcode;
import org.earlyhelp.shared.imports.CsvReader;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.imports.ImportReport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
    private static final int POSTCODE_BATCH = 1000;

    private final JdbcClient jdbc;
    private final HubRepository hubs;
    private final ImportRun runs;

    AreaImporter(JdbcClient jdbc, HubRepository hubs, ImportRun runs) {
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.runs = runs;
    }

    // ---- the list of areas ------------------------------------------------------------------

    /**
     * The small areas: code, name, total population and children aged 0-15 (the MHCLG population
     * file of the Indices of Deprivation, or any CSV with those columns). New areas are added;
     * known ones have their name and population updated; hub assignments are kept; areas the
     * file does not list are kept, with their postcodes, so nothing that refers to them dangles.
     */
    public ImportReport importAreas(String file, InputStream in) {
        return runs.run(file, "areas", progress -> {
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
        return runs.run(file, "deprivation", progress -> {
            Set<String> known = runs.knownAreas();
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

    // ---- assignments ----------------------------------------------------------------------------

    /**
     * Which hub each area belongs to: a CSV with the area code and the hub (its code or its name).
     * Each area may appear once; every area and hub must be known. Areas not in the file keep
     * their hub.
     */
    public ImportReport importAssignments(String file, InputStream in) {
        return runs.run(file, "assignments", progress -> {
            Set<String> known = runs.knownAreas();
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
        return runs.run(file, "postcodes", progress -> {
            Set<String> known = runs.knownAreas();
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
