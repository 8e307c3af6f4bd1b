package org.earlyhelp.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The application's own demonstration returns, set against the demonstration hubs' postcode
 * lookup: children placed in and outside the borough, distances, home areas, the gap by area; and
 * exports of the tables with small counts withheld, so that none can be worked back out, and every
 * export audited.
 */
@OwnDataApplicationTest
class SufficiencyDemonstrationTests {

    @Autowired
    CareStock stock;

    @Autowired
    Forecasts forecasts;

    @Autowired
    TableExports exports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Contracts contracts;

    @Autowired
    SectorPositions positions;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Episodes as this test reads them, for its own count of who is in care. */
    private record Episode(
            String child, LocalDate born, LocalDate start, LocalDate end, String placement, String legal) {}

    /** The placement groups, written out here from the DfE's codes rather than taken from the page. */
    private static String group(String placement) {
        return switch (placement) {
            case "P1" -> "Placed with parents";
            case "U1", "U2", "U3" -> "Family and friends fostering";
            case "U4", "U5", "U6" -> "Other fostering";
            case "K1", "K2" -> "Children's homes";
            case "H5", "K3", "P2" -> "Supported and independent living";
            case "A3", "A4", "A5", "A6" -> "Placed for adoption";
            case "S1" -> "Residential schools";
            case "R1", "R2", "R3", "R5", "T0", "T1", "T2", "T3", "T4" -> "Secure, health and temporary";
            default -> "Other placements";
        };
    }

    @Test
    void childrenInCareTodayAgreeWithThisTestsOwnCount() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        LocalDate end = forecasts.dataEnd().orElseThrow();
        List<Episode> episodes = jdbc.sql("""
                        SELECT e.child_id, c.born_on, e.started_on, e.ended_on, e.placement, e.legal_status
                        FROM sufficiency.episode e JOIN sufficiency.child c ON c.child_id = e.child_id""")
                .query((rs, n) -> new Episode(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        int checked = 0;
        for (LocalDate day : List.of(end, end.minusMonths(6), end.minusYears(1))) {
            // In care on a day: started by then and not yet ended; one episode a child, the first begun.
            Map<String, Episode> inCare = new TreeMap<>();
            episodes.stream()
                    .filter(e -> !e.start().isAfter(day)
                            && (e.end() == null || e.end().isAfter(day)))
                    .sorted(Comparator.comparing(Episode::start))
                    .forEach(e -> inCare.putIfAbsent(e.child(), e));
            Map<String, Long> byGroup = new TreeMap<>();
            Map<String, Long> byAge = new TreeMap<>();
            long atHome = 0;
            for (Episode e : inCare.values()) {
                byGroup.merge(group(e.placement()), 1L, Long::sum);
                int years = Period.between(e.born(), day).getYears();
                String band = years < 1
                        ? "1. Under 1"
                        : years < 5
                                ? "2. 1 to 4"
                                : years < 10 ? "3. 5 to 9" : years < 16 ? "4. 10 to 15" : "5. 16 and over";
                byAge.merge(band, 1L, Long::sum);
                if (e.legal().equals("C2") && e.placement().equals("P1")) {
                    atHome++;
                }
            }
            CareStock.Snapshot shown = stock.on(day);
            assertThat(shown.total()).as("in care on %s", day).isEqualTo(inCare.size());
            assertThat(new TreeMap<>(shown.byPlacement()))
                    .as("by placement on %s", day)
                    .isEqualTo(byGroup);
            assertThat(new TreeMap<>(shown.byAge())).as("by age on %s", day).isEqualTo(byAge);
            assertThat(shown.careOrdersAtHome())
                    .as("care orders at home on %s", day)
                    .isEqualTo(atHome);
            checked += 2 + byGroup.size() + byAge.size();
        }
        System.out.println("Children in care: " + checked + " figures on 3 days agree with this test's own count");
    }

    @Test
    void commissionersSeeWhereChildrenLiveAndArePlacedAndTheGapByArea() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        LocalDate today = forecasts.dataEnd().orElseThrow();
        CareStock.Snapshot now = stock.on(today);
        System.out.printf(
                "Demonstration returns on %s: %d in care; placed %s; distance %s; homes %s%n",
                today, now.total(), now.byArea(), now.byDistance(), now.byHomeArea());
        assertThat(now.total())
                .as("children in care in the demonstration returns")
                .isBetween(300L, 1500L);
        assertThat(sum(now.byArea())).isEqualTo(now.total());
        assertThat(sum(now.byDistance())).isEqualTo(now.total());
        assertThat(sum(now.byHomeArea())).isEqualTo(now.total());
        assertThat(now.byArea().get(Whereabouts.IN_BOROUGH)).isPositive();
        assertThat(now.byArea().get(Whereabouts.OUTSIDE)).isPositive();
        assertThat(now.byDistance().get(Whereabouts.UNDER_5)).isPositive();
        assertThat(now.byHomeArea()).containsKeys("Halesowen", Whereabouts.HOME_OUTSIDE);
        assertThat(now.byHomeArea().get("Halesowen")).isPositive();

        Forecasts.Forecast forecast = forecasts.forecast(today.minusYears(2), today, 3, 0, List.of());
        Forecasts.Projection base = forecast.projections().getFirst();
        List<Forecasts.AreaGap> gaps = forecasts.gapByArea(base);
        assertThat(gaps).extracting(Forecasts.AreaGap::area).contains("Halesowen", Forecasts.OUTSIDE_OR_UNKNOWN);
        assertThat(gaps.stream().mapToDouble(Forecasts.AreaGap::need).sum())
                .as("the need by area adds up to the forecast")
                .isCloseTo(base.last().total(), within(1e-6));
        assertThat(gaps.stream().mapToLong(Forecasts.AreaGap::inCareNow).sum()).isEqualTo(now.total());
        long listedPlaces = jdbc.sql("SELECT coalesce(sum(places), 0) FROM sufficiency.provider")
                .query(Long.class)
                .single();
        assertThat(gaps.stream().mapToLong(Forecasts.AreaGap::places).sum()).isEqualTo(listedPlaces);
        assertThat(gaps).allSatisfy(g -> assertThat(g.gap()).isCloseTo(g.need() - g.places(), within(1e-9)));
    }

    @Test
    void exportsSuppressSmallCountsNeutraliseFormulasAndAreAudited() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        long before = exportsAudited();
        String csv = exports.csv(
                "By placement",
                List.of("Group", "Children", "Places"),
                new TableRows(List.of(
                        List.of("Children's homes", new TableExports.Children(3), 4),
                        List.of("=HYPERLINK(\"x\")", new TableExports.Children(12), 2),
                        List.of("None", new TableExports.Children(0), 0))));
        assertThat(csv)
                .isEqualTo("\"Group\",\"Children\",\"Places\"\r\n"
                        + "\"Children's homes\",\"[c]\",\"4\"\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\",\"12\",\"2\"\r\n"
                        + "\"None\",\"0\",\"0\"\r\n"
                        // The key says what "[c]" means.
                        + "\"[c]\",\"Withheld: a number of children from 1 to 4, or a figure withheld so that such a"
                        + " number cannot be worked out from the rest\"\r\n");
        assertThat(exportsAudited()).isEqualTo(before + 1);
        // Nothing withheld, no key.
        assertThat(exports.csv(
                        "Plain",
                        List.of("Group", "Children"),
                        new TableRows(List.of(List.of("A", new TableExports.Children(12))))))
                .isEqualTo("\"Group\",\"Children\"\r\n\"A\",\"12\"\r\n");
        assertThatThrownBy(() -> exports.csv("Broken", List.of("A", "B"), new TableRows(List.of(List.of("only one")))))
                .isInstanceOf(IllegalArgumentException.class);

        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> exports.csv("By placement", List.of("Group"), new TableRows(List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> stock.on(LocalDate.now())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> forecasts.gapByArea(new Forecasts.Projection(Forecasts.Scenario.base(), List.of())))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.nobody();
        // The two exports made, and no refused one.
        assertThat(exportsAudited()).isEqualTo(before + 2);
    }

    /**
     * Issue 15: someone holding an export and the totals on its page tries to work every withheld
     * cell back out, with relations written down here from what the pages say (not from the
     * application's declarations), on the demonstration data and on tables made to have small
     * counts in awkward places. A cell counts as given away when the attack pins it to its true
     * value.
     */
    @Test
    void noWithheldCellCanBeWorkedOutFromItsExportAndThePage() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        LocalDate today = LocalDate.now();
        List<ExportAttacker> attacks = new ArrayList<>();
        List<List<List<Object>>> truths = new ArrayList<>();

        // Breakdowns of the children in care add up to the total above them.
        CareStock.Snapshot now = stock.on(forecasts.dataEnd().orElseThrow());
        List<Map<String, Long>> breakdowns = new ArrayList<>(
                List.of(now.byPlacement(), now.byAge(), now.byLegalStatus(), now.byProvider(), now.byDistance()));
        breakdowns.add(Map.of("A", 3L, "B", 40L, "C", 12L, "D", 2L));
        breakdowns.add(Map.of("A", 3L, "B", 40L));
        for (Map<String, Long> counts : breakdowns) {
            long total = sum(counts);
            List<List<Object>> rows = ExportedTables.breakdown(counts);
            attacks.add(attack("Breakdown", List.of("Group", "Children"), rows, ExportedTables.breakdownKnown(total))
                    .columnTotal(1, total));
            truths.add(rows);
        }

        // Need against supply: need = supply + gap, high = need x the band's share, both add up.
        Forecasts.Projection base = forecasts
                .forecast(today.minusYears(2), today, 3, 0, List.of())
                .projections()
                .getFirst();
        List<Forecasts.Gap> madeUp = List.of(
                new Forecasts.Gap(PlacementCategory.OTHER_FOSTERING, 3.2, 3.2 * 1.2, 10, 3.2 - 10),
                new Forecasts.Gap(PlacementCategory.CHILDRENS_HOMES, 40.4, 40.4 * 1.2, 30, 40.4 - 30),
                new Forecasts.Gap(PlacementCategory.PLACED_FOR_ADOPTION, 4.4, 4.4 * 1.2, 1, 4.4 - 1),
                new Forecasts.Gap(PlacementCategory.OTHER_PLACEMENTS, 8.0, 8.0 * 1.2, 0, 8.0));
        Forecasts.Point madeUpEnd =
                new Forecasts.Point(today, 56, 40, 56 * 1.2, Map.of(), Map.of(), Map.of(), 0, Map.of());
        for (var pair : List.of(Map.entry(forecasts.gap(base), base.last()), Map.entry(madeUp, madeUpEnd))) {
            Forecasts.Point end = pair.getValue();
            List<List<Object>> rows = ExportedTables.gaps(pair.getKey());
            ExportAttacker a = attack(
                            "Gap",
                            List.of("Category", "Need", "High", "Supply", "Gap"),
                            rows,
                            ExportedTables.gapsKnown(end))
                    .eachRow(Map.of(1, 1.0, 3, -1.0, 4, -1.0))
                    .eachRow(Map.of(2, 1.0, 1, -(end.high() / end.total())))
                    .columnTotal(1, end.total())
                    .columnTotal(2, end.high());
            // The supply form on the page shows each category's places.
            for (int r = 0; r < rows.size(); r++) {
                a.knows(
                        Map.of(new ExportAttacker.Cell(r, 3), BigDecimal.ONE),
                        new BigDecimal(pair.getKey().get(r).supply()));
            }
            attacks.add(a);
            truths.add(rows);
        }

        // Need by area: need = places + gap, need in proportion to the children from the area now.
        List<Forecasts.AreaGap> areas = forecasts.gapByArea(base);
        List<Forecasts.AreaGap> madeUpAreas = List.of(
                new Forecasts.AreaGap("North", 2, 2 * 1.5, 4, 2 * 1.5 - 4),
                new Forecasts.AreaGap("South", 30, 30 * 1.5, 20, 30 * 1.5 - 20),
                new Forecasts.AreaGap("East", 9, 9 * 1.5, 0, 9 * 1.5));
        for (var pair : List.of(Map.entry(areas, base.last().total()), Map.entry(madeUpAreas, 41 * 1.5))) {
            List<Forecasts.AreaGap> gaps = pair.getKey();
            long children =
                    gaps.stream().mapToLong(Forecasts.AreaGap::inCareNow).sum();
            List<List<Object>> rows = ExportedTables.areaGaps(gaps);
            attacks.add(attack(
                            "Area gap",
                            List.of("Area", "Now", "Need", "Places", "Gap"),
                            rows,
                            ExportedTables.areaGapsKnown(gaps, pair.getValue()))
                    .eachRow(Map.of(2, 1.0, 3, -1.0, 4, -1.0))
                    .eachRow(Map.of(2, 1.0, 1, children == 0 ? 0 : -(pair.getValue() / children)))
                    .columnTotal(1, children)
                    .columnTotal(2, pair.getValue()));
            truths.add(rows);
        }

        // Contracts: placed = beds - empty; a block's empty beds cost its weekly price each; the
        // sentence above gives the beds, empty beds and their cost.
        List<Contracts.Occupancy> occupancy = new ArrayList<>(contracts.inForceOn(today));
        List<Contracts.Occupancy> madeUpContracts = List.of(
                occupancy("block", 6, "4200.00", 2),
                occupancy("block", 10, "3900.50", 9),
                occupancy("spot", 3, "5100.00", 1),
                occupancy("block", 4, null, 3),
                occupancy("framework", 8, "4000.00", 8));
        for (List<Contracts.Occupancy> list : List.of(occupancy, madeUpContracts)) {
            List<List<Object>> rows = ExportedTables.contracts(list, today, "Yes");
            ExportAttacker a = attack(
                    "Contracts",
                    List.of(
                            "URN",
                            "Provider",
                            "Kind",
                            "Category",
                            "Beds",
                            "Placed",
                            "Empty",
                            "Weekly",
                            "Empty cost",
                            "Starts",
                            "Ends",
                            "Soon"),
                    rows,
                    ExportedTables.contractsKnown(list));
            for (int r = 0; r < rows.size(); r++) {
                ExportAttacker.Cell beds = new ExportAttacker.Cell(r, 4);
                ExportAttacker.Cell placed = new ExportAttacker.Cell(r, 5);
                ExportAttacker.Cell empty = new ExportAttacker.Cell(r, 6);
                a.knows(
                        Map.of(beds, BigDecimal.ONE, placed, BigDecimal.ONE.negate(), empty, BigDecimal.ONE.negate()),
                        BigDecimal.ZERO);
                if (a.cell(r, 2).equals("block") && !a.cell(r, 7).isEmpty() && !a.withheld(r, 7)) {
                    a.knows(
                            Map.of(
                                    new ExportAttacker.Cell(r, 8),
                                    BigDecimal.ONE,
                                    empty,
                                    new BigDecimal(a.cell(r, 7)).negate()),
                            BigDecimal.ZERO);
                }
            }
            a.columnTotal(4, list.stream().mapToInt(Contracts.Occupancy::beds).sum())
                    .columnTotal(
                            6,
                            list.stream()
                                    .mapToInt(Contracts.Occupancy::emptyBeds)
                                    .sum())
                    .columnTotal(
                            8,
                            list.stream()
                                    .map(Contracts.Occupancy::emptyCostAWeek)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                                    .doubleValue());
            attacks.add(a);
            truths.add(rows);
        }

        // A back-test: the sentence above gives the forecast and actual totals.
        Forecasts.BackTest test = new Forecasts.BackTest(
                today.minusYears(2),
                today.minusYears(1),
                today.minusYears(3),
                today.minusYears(2),
                61.4,
                50,
                70,
                58,
                new LinkedHashMap<>(Map.of(
                        PlacementCategory.OTHER_FOSTERING,
                        new double[] {40.2, 41},
                        PlacementCategory.CHILDRENS_HOMES,
                        new double[] {3.1, 2},
                        PlacementCategory.PLACED_FOR_ADOPTION,
                        new double[] {18.1, 15})));
        List<List<Object>> rows = ExportedTables.backTest(test);
        attacks.add(
                attack("Back-test", List.of("Category", "Forecast", "Actual"), rows, ExportedTables.backTestKnown(test))
                        .columnTotal(1, test.forecastTotal())
                        .columnTotal(2, test.actualTotal()));
        truths.add(rows);

        long withheld = 0;
        List<String> givenAway = new ArrayList<>();
        for (int t = 0; t < attacks.size(); t++) {
            ExportAttacker a = attacks.get(t);
            withheld += a.withheldCells();
            for (var found : a.workedOut().entrySet()) {
                Double truth = TableExports.number(truths.get(t)
                        .get(found.getKey().row())
                        .get(found.getKey().column()));
                if (truth != null && Math.abs(found.getValue() - truth) <= 0.5) {
                    givenAway.add(String.format(
                            "%s: withheld cell %s worked out as %.2f (true value %s) from %s",
                            a.table, found.getKey(), found.getValue(), truth, a.rows));
                }
            }
        }
        assertThat(givenAway).as("withheld cells worked back out").isEmpty();
        assertThat(withheld).as("the tables have counts to withhold").isGreaterThan(10);
    }

    private ExportAttacker attack(
            String table, List<String> headers, List<List<Object>> rows, TableExports.Protection known) {
        return new ExportAttacker(table, exports.csv(table, headers, new TableRows(rows), known));
    }

    private static Contracts.Occupancy occupancy(String kind, int beds, String weekly, long placed) {
        return new Contracts.Occupancy(
                UUID.randomUUID(),
                "SC" + beds + placed,
                "Provider, " + kind,
                PlacementCategory.CHILDRENS_HOMES,
                kind,
                beds,
                weekly == null ? null : new BigDecimal(weekly),
                LocalDate.now().minusYears(1),
                null,
                placed);
    }

    @Autowired
    DemonstrationSupply demonstration;

    @Test
    void theMadeUpDataIsCountedAndItsSupplyStaysWhileItsReturnsDo() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        DemonstrationSupply.Held held = demonstration.held();
        assertThat(held.children())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM sufficiency.child")
                        .query(Long.class)
                        .single());
        assertThat(held.providers()).isEqualTo(8);
        assertThat(held.contracts()).isEqualTo(3);
        assertThat(held.carers()).isEqualTo(24);
        assertThat(held.any()).isTrue();
        // The made-up need and supply go together until the council's returns replace the need.
        assertThatThrownBy(() -> demonstration.removeSupply()).isInstanceOf(IllegalStateException.class);
        assertThat(demonstration.held()).isEqualTo(held);
        assertThat(exports.fileName("By placement")).isEqualTo("made-up-demonstration-data-by-placement.csv");
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> demonstration.held()).isInstanceOf(AccessDeniedException.class);
    }

    private static Contracts.Occupancy endingOn(LocalDate end) {
        return new Contracts.Occupancy(
                UUID.randomUUID(),
                "SC000001",
                "Provider",
                PlacementCategory.CHILDRENS_HOMES,
                "block",
                1,
                null,
                end.minusYears(1),
                end,
                0);
    }

    @Test
    void contractedBedsShowOccupancyEmptyBedsAndTheirCost() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        LocalDate today = forecasts.dataEnd().orElseThrow();
        List<Contracts.Occupancy> demo = contracts.inForceOn(today);
        assertThat(demo).extracting(Contracts.Occupancy::kind).containsExactlyInAnyOrder("block", "block", "framework");
        // The demonstration's framework place ends in two months: flagged for renewal; the block
        // contracts run on.
        assertThat(demo)
                .filteredOn(c -> c.endsSoon(today))
                .extracting(Contracts.Occupancy::kind)
                .containsExactly("framework");
        // Flagged up to and including three months ahead, not a day later.
        assertThat(endingOn(today.plusMonths(3)).endsSoon(today)).isTrue();
        assertThat(endingOn(today.plusMonths(3).plusDays(1)).endsSoon(today)).isFalse();
        assertThat(endingOn(today).endsSoon(today)).isTrue();
        for (Contracts.Occupancy c : demo) {
            long placed = jdbc.sql("""
                            SELECT count(DISTINCT child_id) FROM sufficiency.episode
                            WHERE urn = ? AND started_on <= ? AND (ended_on IS NULL OR ended_on > ?)""")
                    .params(c.urn(), today, today)
                    .query(Long.class)
                    .single();
            assertThat(c.childrenPlaced()).as("children placed at %s", c.urn()).isEqualTo(placed);
            assertThat(c.emptyBeds()).isEqualTo((int) Math.max(0, c.beds() - placed));
            assertThat(c.emptyCostAWeek())
                    .isEqualByComparingTo(
                            c.kind().equals("block")
                                    ? c.weeklyCost().multiply(BigDecimal.valueOf(c.emptyBeds()))
                                    : BigDecimal.ZERO);
        }

        long before = jdbc.sql("SELECT count(*) FROM sufficiency.contract")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> contracts.add(new Contracts.Draft(
                        "12", " ", null, "block", 0, BigDecimal.valueOf(-1), today, today.minusDays(1))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsOnlyKeys("urn", "provider", "category", "beds", "weeklyCost", "endsOn"));
        assertThat(jdbc.sql("SELECT count(*) FROM sufficiency.contract")
                        .query(Long.class)
                        .single())
                .as("nothing saved")
                .isEqualTo(before);

        UUID added = contracts.add(new Contracts.Draft(
                "sc123456",
                "Oak House",
                PlacementCategory.CHILDRENS_HOMES,
                "block",
                2,
                BigDecimal.valueOf(4000),
                today.minusMonths(1),
                null));
        assertThat(contracts.inForceOn(today))
                .filteredOn(c -> c.id().equals(added))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.urn()).isEqualTo("SC123456");
                    assertThat(c.childrenPlaced()).isZero();
                    assertThat(c.emptyCostAWeek()).isEqualByComparingTo("8000");
                    assertThat(c.endsSoon(today)).as("no end date: runs on").isFalse();
                });
        assertThat(contracts.inForceOn(today.minusMonths(2))).noneMatch(c -> c.id().equals(added));
        contracts.remove(added);
        assertThat(contracts.inForceOn(today)).noneMatch(c -> c.id().equals(added));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.entry WHERE record_type = 'contract' AND record_id = ?
                          AND action IN ('add-contract', 'remove-contract')""").param(added.toString()).query(Long.class).single())
                .isEqualTo(2);

        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> contracts.inForceOn(today)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contracts.remove(demo.getFirst().id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void bedNightsOverAYearAreCountedNightByNight() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        LocalDate today = forecasts.dataEnd().orElseThrow();
        // By hand: a block contract with a provider nobody is placed with, 2 beds at £700 a week,
        // from 10 days ago: the nights from then to last night are 10, so 2 x 10 = 20 bed-nights,
        // none used, and 20 empty at £100 a night cost £2,000.
        UUID added = contracts.add(new Contracts.Draft(
                "SC999999",
                "Empty House",
                PlacementCategory.CHILDRENS_HOMES,
                "block",
                2,
                BigDecimal.valueOf(700),
                today.minusDays(10),
                null));
        try {
            List<Contracts.BedNights> year = contracts.yearTo(today);
            assertThat(year)
                    .filteredOn(c -> c.id().equals(added))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.contracted()).isEqualTo(20);
                        assertThat(c.used()).isZero();
                        assertThat(c.empty()).isEqualTo(20);
                        assertThat(c.emptyCost()).isEqualByComparingTo("2000");
                    });
            // Not yet in force a year before it started: nothing then.
            assertThat(contracts.yearTo(today.minusDays(10))).noneMatch(c -> c.id().equals(added));

            // The demonstration's contracts, worked night by night from the episodes at each provider.
            LocalDate first = today.minusYears(1);
            for (Contracts.BedNights c : year) {
                if (c.id().equals(added)) {
                    continue;
                }
                Map<String, Object> contract = jdbc.sql(
                                "SELECT starts_on, ends_on FROM sufficiency.contract WHERE id = ?")
                        .param(c.id())
                        .query()
                        .singleRow();
                LocalDate starts = ((Date) contract.get("starts_on")).toLocalDate();
                LocalDate ends =
                        contract.get("ends_on") == null ? today : ((Date) contract.get("ends_on")).toLocalDate();
                List<LocalDate[]> stays = jdbc.sql("SELECT started_on, ended_on FROM sufficiency.episode WHERE urn = ?")
                        .param(c.urn())
                        .query((rs, n) ->
                                new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                        .list();
                long contracted = 0;
                long used = 0;
                for (LocalDate night = starts.isAfter(first) ? starts : first;
                        night.isBefore(today) && !night.isAfter(ends);
                        night = night.plusDays(1)) {
                    LocalDate d = night;
                    long placed = stays.stream()
                            .filter(s -> !s[0].isAfter(d) && (s[1] == null || s[1].isAfter(d)))
                            .count();
                    contracted += c.beds();
                    used += Math.min(c.beds(), placed);
                }
                assertThat(c.contracted())
                        .as("bed-nights contracted with %s", c.provider())
                        .isEqualTo(contracted);
                assertThat(c.used()).as("bed-nights used with %s", c.provider()).isEqualTo(used);
                assertThat(c.used())
                        .as("some children placed with %s", c.provider())
                        .isPositive();
            }
        } finally {
            contracts.remove(added);
        }
    }

    @Test
    void nationalSectorPositionsGiveDistancesToPlacementsBeyondTheBorough() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        LocalDate today = forecasts.dataEnd().orElseThrow();
        long unknownBefore = stock.on(today).byDistance().get(Whereabouts.DISTANCE_NOT_KNOWN);
        int held = positions.count();
        // Refused whole: a position that is not in the UK, a code that is not a postcode.
        String bad = "pcds,lat,long\nWV1 4AA,52.58,-2.13\nWV1 4AB,200,-2.13\nnonsense,52.5,-2.0\n";
        assertThatThrownBy(() -> positions.importCsv("bad.csv", bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("line 4")
                .hasMessageContaining("nothing was saved");
        assertThat(positions.count()).isEqualTo(held);
        // The ONS directory's layout; its 99.999999 (no grid reference) is skipped; postcodes are averaged by sector.
        String onspd = "pcds,lat,long\nWV1 4AA,52.58,-2.12\nWV1 4AB,52.60,-2.14\nWV1 4ZZ,99.999999,0.000000\n"
                + "WS1 2AA,52.58,-1.98\nB17 9AA,52.46,-1.96\n";
        SectorPositions.Imported imported = positions.importCsv("onspd.csv", onspd.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.sectors()).isEqualTo(3);
        assertThat(imported.rows()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT latitude FROM sufficiency.sector_position WHERE sector = 'WV1 4'")
                        .query(Double.class)
                        .single())
                .isCloseTo(52.59, within(1e-9));
        CareStock.Snapshot now = stock.on(today);
        assertThat(sum(now.byDistance())).isEqualTo(now.total());
        assertThat(now.byDistance().get(Whereabouts.DISTANCE_NOT_KNOWN))
                .as("children placed in WV1 4, WS1 2 or B17 9 now have a distance")
                .isLessThan(unknownBefore);
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> positions.importCsv("x.csv", onspd.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private long exportsAudited() {
        return jdbc.sql(
                        "SELECT count(*) FROM audit.entry WHERE action = 'export' AND record_type = 'sufficiency-table'")
                .query(Long.class)
                .single();
    }
}
