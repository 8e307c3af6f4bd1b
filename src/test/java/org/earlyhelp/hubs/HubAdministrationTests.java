package org.earlyhelp.hubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationType;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.imports.CsvReader;
import org.earlyhelp.shared.imports.ImportReport;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SharedData;
import org.earlyhelp.testing.SharedDataSnapshot;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * An administrator builds the borough's hubs from the real Dudley open data, and every kind of
 * bad file is refused with the bad rows named and nothing saved.
 */
@OwnDataApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubAdministrationTests {

    @Autowired
    HubAdministration administration;

    @Autowired
    PostcodeLookup postcodes;

    @Autowired
    JdbcClient jdbc;

    /** The demonstration's borough, which each test clears: put back for the tests that follow. */
    private SharedDataSnapshot borough;

    @BeforeAll
    void keepTheBorough() {
        borough = SharedDataSnapshot.borough(jdbc);
    }

    @AfterAll
    void putTheBoroughBack() {
        borough.restore();
    }

    @BeforeEach
    void freshAreas() {
        jdbc.sql("DELETE FROM hubs.postcode").update();
        jdbc.sql("DELETE FROM hubs.area").update();
        jdbc.sql("DELETE FROM hubs.ward").update();
        SignedIn.admin();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private ImportReport importShared(FileKind kind, String file) throws IOException {
        Path path = SharedData.file("dudley/" + file);
        try (InputStream in = Files.newInputStream(path)) {
            return administration.importFile(kind, file, in);
        }
    }

    private ImportReport importText(FileKind kind, String text) {
        return administration.importFile(
                kind, "test.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void importDudley() throws IOException {
        assertThat(importShared(FileKind.AREAS, "dudley_iod2019_population_lsoa11.csv")
                        .rowsSaved())
                .isEqualTo(201);
        assertThat(importShared(FileKind.DEPRIVATION, "dudley_iod2019_domains_lsoa11.csv")
                        .rowsSaved())
                .isEqualTo(201);
        assertThat(importShared(FileKind.AREA_BOUNDARIES, "dudley_lsoa11_boundaries.geojson")
                        .rowsSaved())
                .isEqualTo(201);
        assertThat(importShared(FileKind.WARD_BOUNDARIES, "dudley_ward_boundaries.geojson")
                        .rowsSaved())
                .isEqualTo(24);
    }

    @Test
    void anAdministratorBuildsSixHubsFromTheDudleyFiles() throws IOException {
        importDudley();
        assertThat(count("SELECT sum(population) FROM hubs.area")).isEqualTo(316_331);
        assertThat(count("SELECT sum(children) FROM hubs.area")).isEqualTo(60_440);
        assertThat(count("SELECT count(*) FROM hubs.area WHERE ward_code IS NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM hubs.area WHERE imd_decile IS NULL OR crime_decile IS NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM hubs.area WHERE imd_decile <= 2"))
                .isEqualTo(52);

        Map<String, HubId> wardToHub = illustrativeNeighbourhoods();
        Map<String, String> wardCodes = new LinkedHashMap<>();
        administration.wards().forEach(w -> wardCodes.put(w.name(), w.code()));
        for (Map.Entry<String, HubId> e : wardToHub.entrySet()) {
            assertThat(wardCodes).as("ward %s", e.getKey()).containsKey(e.getKey());
            administration.assignWard(wardCodes.get(e.getKey()), e.getValue());
        }

        assertThat(administration.areas(null, null, null, true)).isEmpty();
        List<HubTotals> totals = administration.hubTotals();
        assertThat(totals).hasSize(6);
        assertThat(totals.stream().mapToLong(HubTotals::population).sum()).isEqualTo(316_331);
        // Each hub's areas add up to the neighbourhood's published population and 0-15s.
        Map<HubId, long[]> published = publishedTotals();
        for (HubTotals t : totals) {
            assertThat(new long[] {t.population(), t.children()})
                    .as("population and children of %s", t.hub().name())
                    .containsExactly(published.get(t.hub().id()));
            assertThat(t.outsideRange()).isEqualTo(t.population() < 40_000 || t.population() > 60_000);
        }
    }

    private static final Map<String, HubId> NEIGHBOURHOOD_HUBS = Map.of(
            "N1", new HubId("north-dudley"),
            "N2", new HubId("dudley-central"),
            "N3", new HubId("brierley-hill"),
            "N4", new HubId("kingswinford"),
            "N5", new HubId("stourbridge"),
            "N6", new HubId("halesowen"));

    private static Map<HubId, long[]> publishedTotals() throws IOException {
        Map<HubId, long[]> totals = new LinkedHashMap<>();
        try (InputStream in =
                        Files.newInputStream(SharedData.file("dudley/dudley_neighbourhoods_illustrative_summary.csv"));
                CsvReader csv = CsvReader.open(in)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                totals.put(NEIGHBOURHOOD_HUBS.get(row.get("neighbourhood").substring(0, 2)), new long[] {
                    Long.parseLong(row.get("pop_mid2015")), Long.parseLong(row.get("children_0_15_mid2015"))
                });
            }
        }
        return totals;
    }

    /** The wards of the six illustrative neighbourhoods, read from the shared summary file. */
    private static Map<String, HubId> illustrativeNeighbourhoods() throws IOException {
        Map<String, HubId> hubs = NEIGHBOURHOOD_HUBS;
        Map<String, HubId> wards = new LinkedHashMap<>();
        try (InputStream in =
                        Files.newInputStream(SharedData.file("dudley/dudley_neighbourhoods_illustrative_summary.csv"));
                CsvReader csv = CsvReader.open(in)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                HubId hub = hubs.get(row.get("neighbourhood").substring(0, 2));
                for (String ward : row.get("wards").split(";")) {
                    wards.put(ward.strip(), hub);
                }
            }
        }
        return wards;
    }

    @Test
    void boundariesWithAreaCodesOfAnotherYearAreRefusedWholeAndNamed() throws IOException {
        importShared(FileKind.AREAS, "dudley_iod2019_population_lsoa11.csv");
        ImportReport report = importShared(FileKind.AREA_BOUNDARIES, "dudley_lsoa_boundaries.geojson");
        assertThat(report.succeeded()).isFalse();
        assertThat(report.rowsSaved()).isZero();
        assertThat(report.problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.reason()).contains("unknown area"));
        assertThat(count("SELECT count(*) FROM hubs.area WHERE boundary IS NOT NULL"))
                .isZero();
    }

    @Test
    void aFileWithTheWrongColumnsIsRefusedNamingWhatIsMissing() throws IOException {
        ImportReport report = importShared(FileKind.AREAS, "dudley_wards_all_codes.csv");
        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems().getFirst().reason()).contains("no column for the area code", "WDCD");
        assertThat(count("SELECT count(*) FROM hubs.area")).isZero();
    }

    @Test
    void badRowsAreEachNamedAndNothingIsSaved() {
        ImportReport report = importText(FileKind.AREAS, """
                LSOA code,LSOA name,Total population,Dependent Children aged 0-15
                E01009719,Dudley 027A,"1,438",281
                E01009719,Dudley 027A again,1438,281
                X123,Nowhere,10,1
                E01009720,Dudley 028A,lots,244
                E01009721,Dudley 028B,100,200
                """);
        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems())
                .extracting(ImportReport.Problem::line, ImportReport.Problem::key)
                .containsExactly(
                        Tuple.tuple(3L, "E01009719"),
                        Tuple.tuple(4L, "X123"),
                        Tuple.tuple(5L, "E01009720"),
                        Tuple.tuple(6L, "E01009721"));
        assertThat(report.problems().get(0).reason()).contains("more than once");
        assertThat(report.problems().get(3).reason()).contains("more children than people");
        assertThat(count("SELECT count(*) FROM hubs.area")).isZero();
    }

    @Test
    void anAssignmentFileSetsHubsAndAnAreaAssignedTwiceFailsItWhole() throws IOException {
        importShared(FileKind.AREAS, "dudley_iod2019_population_lsoa11.csv");
        ImportReport twice = importText(FileKind.ASSIGNMENTS, """
                LSOA code,Hub
                E01009719,stourbridge
                E01009720,Halesowen
                E01009719,halesowen
                E01009721,Atlantis
                E01999999,halesowen
                """);
        assertThat(twice.succeeded()).isFalse();
        assertThat(twice.problems())
                .extracting(ImportReport.Problem::line, ImportReport.Problem::reason)
                .containsExactly(
                        Tuple.tuple(4L, "this area is assigned more than once; an area belongs to one hub"),
                        Tuple.tuple(5L, "unknown hub \"Atlantis\""),
                        Tuple.tuple(6L, "unknown area: import the list of areas first"));
        assertThat(count("SELECT count(*) FROM hubs.area WHERE hub_id IS NOT NULL"))
                .isZero();

        ImportReport good =
                importText(FileKind.ASSIGNMENTS, "LSOA code,Hub\nE01009719,stourbridge\nE01009720,Halesowen\n");
        assertThat(good.rowsSaved()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM hubs.area WHERE hub_id = 'halesowen'"))
                .isEqualTo(1);
    }

    @Test
    void invalidGeoJsonIsRefused() throws IOException {
        importShared(FileKind.AREAS, "dudley_iod2019_population_lsoa11.csv");
        assertThat(importText(FileKind.AREA_BOUNDARIES, "{ this is not json")
                        .problems()
                        .getFirst()
                        .reason())
                .contains("not valid GeoJSON");
        assertThat(importText(FileKind.AREA_BOUNDARIES, "[1, 2, 3]")
                        .problems()
                        .getFirst()
                        .reason())
                .contains("not a GeoJSON FeatureCollection");
        ImportReport point = importText(FileKind.AREA_BOUNDARIES, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"LSOA11CD": "E01009719"},
                   "geometry": {"type": "Point", "coordinates": [-2.1, 52.4]}}]}""");
        assertThat(point.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("invalid geometry", "Point"));
        assertThat(count("SELECT count(*) FROM hubs.area WHERE boundary IS NOT NULL"))
                .isZero();
    }

    @Test
    void importingAreasKeepsThePostcodesAndAreasFamiliesAlreadyPointAt() throws IOException {
        // A demonstration area and its postcode, as a family's request would have been placed in.
        jdbc.sql("""
                        INSERT INTO hubs.area (code, name, population, children, hub_id, boundary)
                        VALUES (?, ?, 1500, 300, ?, ?::jsonb)""")
                .params(
                        "E01999001",
                        "Demo area 1",
                        "stourbridge",
                        "{\"type\":\"Polygon\",\"coordinates\":[[[-2.15,52.45],[-2.14,52.45],[-2.14,52.46],[-2.15,52.45]]]}")
                .update();
        assertThat(administration.boroughMap().areas())
                .as("only demonstration areas so far")
                .hasSize(1);
        jdbc.sql("INSERT INTO hubs.postcode (postcode, area_code) VALUES ('DY8 1AA', 'E01999001')")
                .update();
        importDudley();
        importDudley();
        assertThat(count("SELECT count(*) FROM hubs.postcode WHERE area_code = 'E01999001'"))
                .as("the postcode lookup is not emptied")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM hubs.area WHERE code = 'E01999001' AND hub_id = 'stourbridge'"))
                .as("the area families point at is still there, in its hub")
                .isEqualTo(1);
        assertThat(administration.boroughMap().areas())
                .as("the map draws the real areas once they have boundaries")
                .hasSize(201);
        assertThat(importText(FileKind.ASSIGNMENTS, "LSOA code,Hub\nE01009719,stourbridge\n")
                        .succeeded())
                .isTrue();
        assertThat(count("SELECT population FROM hubs.hub WHERE id = 'stourbridge'"))
                .as("once the hub has a real area, the demonstration area no longer counts in its population")
                .isEqualTo(count("SELECT population FROM hubs.area WHERE code = 'E01009719'"));
        SignedIn.nobody();
        assertThat(postcodes.lookup("DY8 1AA")).isInstanceOfSatisfying(PostcodeLookup.Found.class, found -> {
            assertThat(found.areaCode()).isEqualTo("E01999001");
            assertThat(found.hub()).contains(new HubId("stourbridge"));
        });
    }

    @Test
    void postcodesLeadToTheirAreaAndHub() throws IOException {
        importDudley();
        String onspd = """
                pcd,pcd2,pcds,dointr,doterm,lsoa11,msoa11
                DY1 1AA,DY1  1AA,DY1 1AA,199001,,E01009719,E02002000
                DY5 4AB,DY5  4AB,DY5 4AB,199001,,E01009720,E02002001
                B1  1AA,B1   1AA,B1 1AA,199001,,E01033620,E02006899
                """;
        ImportReport report = importText(FileKind.POSTCODES, onspd);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.rowsSaved()).isEqualTo(2);
        assertThat(report.rowsSkipped()).isEqualTo(1);

        String ward = jdbc.sql("SELECT ward_code FROM hubs.area WHERE code = 'E01009719'")
                .query(String.class)
                .single();
        administration.assignWard(ward, new HubId("stourbridge"));
        SignedIn.nobody();
        assertThat(postcodes.lookup(" dy11aa ")).isInstanceOfSatisfying(PostcodeLookup.Found.class, found -> {
            assertThat(found.postcode().value()).isEqualTo("DY1 1AA");
            assertThat(found.areaCode()).isEqualTo("E01009719");
            assertThat(found.hub()).contains(new HubId("stourbridge"));
        });
        assertThat(postcodes.lookup("DY9 9ZZ")).isInstanceOf(PostcodeLookup.Unknown.class);
        assertThat(postcodes.lookup("not a postcode"))
                .isInstanceOfSatisfying(
                        PostcodeLookup.Malformed.class,
                        m -> assertThat(m.reason().english()).contains("DY1 1AA"));
    }

    @Test
    void aMalformedPostcodeFailsTheWholeFile() throws IOException {
        importShared(FileKind.AREAS, "dudley_iod2019_population_lsoa11.csv");
        ImportReport report = importText(FileKind.POSTCODES, """
                pcds,lsoa11
                DY1 1AA,E01009719
                DY1 XXX,E01009719
                DY1 1AA,E01009719
                """);
        assertThat(report.problems()).hasSize(2);
        assertThat(count("SELECT count(*) FROM hubs.postcode")).isZero();
    }

    @Test
    void anAssignmentOverSomeoneElsesChangeIsRefusedAndNothingSaved() throws IOException {
        importShared(FileKind.AREAS, "dudley_iod2019_population_lsoa11.csv");
        List<AreaSummary> seen = administration.areas("Dudley 027", null, null, false);
        assertThat(seen).hasSizeGreaterThan(1);
        administration.assign(List.of(seen.get(1)), new HubId("halesowen"));
        assertThatThrownBy(() -> administration.assign(seen, new HubId("north-dudley")))
                .isInstanceOf(ChangedBySomeoneElseException.class)
                .hasMessageContaining("changed by someone else");
        assertThat(count("SELECT count(*) FROM hubs.area WHERE hub_id = 'north-dudley'"))
                .isZero();
    }

    @Test
    void aHubMovesFromPlannedToPilotAndAStaleChangeIsRefused() {
        HubTotals halesowen = administration.hubTotals().stream()
                .filter(t -> t.hub().id().value().equals("halesowen"))
                .findFirst()
                .orElseThrow();
        administration.setStatus(halesowen.hub(), HubStatus.PILOT, halesowen.version());
        assertThat(jdbc.sql("SELECT status FROM hubs.hub WHERE id = 'halesowen'")
                        .query(String.class)
                        .single())
                .isEqualTo("PILOT");
        assertThatThrownBy(() -> administration.setStatus(halesowen.hub(), HubStatus.LIVE, halesowen.version()))
                .isInstanceOf(ChangedBySomeoneElseException.class);
        HubTotals now = administration.hubTotals().stream()
                .filter(t -> t.hub().id().value().equals("halesowen"))
                .findFirst()
                .orElseThrow();
        administration.setStatus(now.hub(), HubStatus.PLANNED, now.version());
    }

    @Test
    void anAdministratorAddsAPartnerOrganisationAndBadInputIsNamed() {
        assertThatThrownBy(() -> administration.addOrganisation(" ", null, Set.of()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("name", "type", "hubs"));
        Organisation added = administration.addOrganisation(
                "Dudley Women's Aid", OrganisationType.VOLUNTARY, Set.of(new HubId("dudley-central")));
        assertThat(added.id().value()).isEqualTo("dudley-women-s-aid");
        assertThatThrownBy(() -> administration.addOrganisation(
                        "Dudley Women's Aid", OrganisationType.VOLUNTARY, Set.of(new HubId("halesowen"))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("name"));
    }

    @Test
    void onlyAnAdministratorMayDefineHubs() {
        SignedIn.as("lead", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() -> importText(FileKind.AREAS, "LSOA code\n")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.assignWard("E05015903", new HubId("dudley-central")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.hubTotals()).isInstanceOf(AccessDeniedException.class);
        SignedIn.nobody();
        assertThatThrownBy(() -> administration.areas(null, null, null, false))
                .isInstanceOf(AccessDeniedException.class);
    }
}
