package org.earlyhelp.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.sufficiency.internal.Rules;
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
 * SSDA903 imports with every CSV and XML file in {@code ../shared/data/ssda903}: the demand
 * model's five years merge and import; the validator's deliberately broken files are refused with
 * a report and nothing saved; who is in care on a date; only commissioners and administrators.
 */
@OwnDataApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareReturnsTests {

    @Autowired
    CareReturns returns;

    @Autowired
    CareStock stock;

    @Autowired
    JdbcClient jdbc;

    /**
     * The demonstration's care returns, providers and supply, which these imports replace: put back
     * for the tests that follow.
     */
    private SharedDataSnapshot demonstrationReturns;

    @BeforeAll
    void keepTheDemonstrationReturns() {
        demonstrationReturns = SharedDataSnapshot.sufficiency(jdbc);
    }

    @AfterAll
    void putTheDemonstrationReturnsBack() {
        demonstrationReturns.restore();
    }

    @BeforeEach
    void commissioner() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static Map<String, byte[]> files(String folder, String... suffixes) throws Exception {
        Path dir = SharedData.file("ssda903/" + folder);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                for (String suffix : suffixes) {
                    if (name.endsWith(suffix)) {
                        files.put(name, Files.readAllBytes(p));
                    }
                }
            }
        }
        return files;
    }

    @Test
    void theDemandModelsFiveYearsMergeAndImport() throws Exception {
        Map<String, byte[]> all = files("d2i-cs-demand-model", ".csv");
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        ImportReport903 report = returns.importFiles(all, true);
        System.out.println("Demand model, problems by rule (! = error): "
                + report.problems().stream()
                        .collect(Collectors.groupingBy(
                                p -> p.rule() + (p.error() ? "!" : ""), TreeMap::new, Collectors.counting())));
        assertThat(report.problems().stream().filter(Problem::error).limit(5).toList())
                .as("errors in the demand model's files")
                .isEmpty();
        assertThat(report.saved()).isTrue();
        assertThat(report.episodesAfterMerging())
                .as("episodes re-reported across years are kept once")
                .isLessThan(report.episodes());
        assertThat(report.otherTables()).containsKeys("reviews", "missing", "uasc", "oc2", "oc3");
        long children = jdbc.sql("SELECT count(*) FROM sufficiency.child")
                .query(Long.class)
                .single();
        assertThat(children).isEqualTo(report.children());
        long episodes = jdbc.sql("SELECT count(*) FROM sufficiency.episode")
                .query(Long.class)
                .single();
        assertThat(episodes).isEqualTo(report.episodesAfterMerging());

        CareStock.Snapshot snapshot = stock.on(LocalDate.of(2021, 3, 31));
        long direct = jdbc.sql("""
                        SELECT count(DISTINCT child_id) FROM sufficiency.episode WHERE started_on <= DATE '2021-03-31'
                        AND (ended_on IS NULL OR ended_on > DATE '2021-03-31')""").query(Long.class).single();
        assertThat(snapshot.total()).isEqualTo(direct).isPositive();
        assertThat(snapshot.byPlacement().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(direct);
        assertThat(snapshot.byAge().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(direct);
        assertThat(snapshot.trend()).hasSize(24);
        assertThat(snapshot.familyAndFriends())
                .isEqualTo(jdbc.sql("""
                                SELECT count(*) FROM (SELECT DISTINCT ON (child_id) placement FROM sufficiency.episode
                                WHERE started_on <= DATE '2021-03-31' AND (ended_on IS NULL OR ended_on > DATE '2021-03-31')
                                ORDER BY child_id, started_on) e WHERE placement IN ('U1','U2','U3')""").query(Long.class).single());
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC\n";
    private static final String EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n";

    @Test
    void severalCouncilsInOneUploadAreRefusedInOneSentenceAndOneCouncilIsNamed() {
        long episodesBefore = jdbc.sql("SELECT count(*) FROM sufficiency.episode")
                .query(Long.class)
                .single();
        Map<String, byte[]> regional = new LinkedHashMap<>();
        regional.put(
                "2021-header.csv", text("LA,CHILD,SEX,DOB,ETHNIC\n332,1,1,01/01/2010,WBRI\n333,1,2,02/02/2012,WBRI\n"));
        regional.put(
                "2021-episodes.csv",
                text("LA,CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n"
                        + "332,1,01/06/2020,S,C2,N1,U4,PR1,,\n333,1,01/07/2020,S,C2,N1,U4,PR1,,\n"));
        ImportReport903 report = returns.importFiles(regional, true);
        assertThat(report.saved()).isFalse();
        assertThat(report.problems().getFirst().message())
                .isEqualTo("This upload holds the returns of 2 councils (LA codes 332, 333). Its figures would merge"
                        + " their children, so import one council's return at a time. Nothing held has been changed.");
        assertThat(jdbc.sql("SELECT count(*) FROM sufficiency.episode")
                        .query(Long.class)
                        .single())
                .isEqualTo(episodesBefore);

        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put("2021-header.csv", text("LA,CHILD,SEX,DOB,ETHNIC\n332,1,1,01/01/2010,WBRI\n"));
        one.put(
                "2021-episodes.csv",
                text("LA,CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n332,1,01/06/2020,S,C2,N1,U4,PR1,,\n"));
        ImportReport903 council = returns.check(one);
        assertThat(council.problems()).filteredOn(Problem::error).isEmpty();
        assertThat(council.notes().stream().map(Message::english))
                .contains("The return of council 332 (its LA code), named in every row.");
    }

    @Test
    void aMissingYearsHeaderAndAFileOfSeveralYearsAreEachExplainedInOneSentence() {
        Map<String, byte[]> upload = new LinkedHashMap<>();
        upload.put("2020-episodes.csv", text(EPISODES + "1,01/06/2019,S,C2,N1,U4,PR1,,\n"));
        upload.put("2021-header.csv", text(HEADER + "2,1,01/01/2010,WBRI\n"));
        upload.put("2021-episodes.csv", text(EPISODES + "2,01/06/2020,S,C2,N1,U4,PR1,,\n"));
        ImportReport903 missing = returns.check(upload);
        assertThat(missing.problems().getFirst().message())
                .startsWith("The 2020 header file is missing: there is 2020-episodes.csv but no 2020 header");
        assertThat(missing.problems()).filteredOn(p -> p.rule().equals("FILE")).hasSize(1);

        // Two years' episodes pasted into one file: the episode open in 2020 is closed in 2021's.
        Map<String, byte[]> pasted = new LinkedHashMap<>();
        pasted.put("header.csv", text(HEADER + "1,1,01/01/2010,WBRI\n2,2,01/01/2011,WBRI\n"));
        pasted.put(
                "episodes.csv",
                text(EPISODES + "1,01/06/2019,S,C2,N1,U4,PR1,,\n2,01/07/2019,S,C2,N1,U4,PR1,,\n"
                        + "1,01/06/2019,S,C2,N1,U4,PR1,01/01/2021,E4A\n2,01/07/2019,S,C2,N1,U4,PR1,02/01/2021,E13\n"));
        ImportReport903 mixed = returns.importFiles(pasted, true);
        assertThat(mixed.saved()).isFalse();
        assertThat(mixed.problems().getFirst().message())
                .isEqualTo("episodes.csv seems to hold more than one year's return: 2 of its episodes are in it twice"
                        + " with different details, as each year's return reports them again. Upload each year as"
                        + " its own file, named with its year (for example 2020-episodes.csv).");
    }

    @Test
    void aResidentialSchoolIsItsOwnGroupAndOverlappingEpisodesCountOnceInTheFirst() {
        Map<String, byte[]> upload = new LinkedHashMap<>();
        upload.put("2021-header.csv", text(HEADER + "1,1,01/01/2008,WBRI\n2,2,01/01/2009,WBRI\n"));
        upload.put(
                "2021-episodes.csv",
                text(EPISODES + "1,01/06/2020,S,C2,N1,S1,PR1,,\n"
                        + "2,01/06/2020,S,C2,N1,U4,PR1,01/12/2020,X1\n2,01/09/2020,P,C2,N1,K2,PR1,,\n"));
        ImportReport903 report = returns.importFiles(upload, true);
        assertThat(report.saved()).as("%s", report.problems()).isTrue();
        assertThat(report.problems()).extracting(Problem::rule).contains("E20");
        CareStock.Snapshot snapshot = stock.on(LocalDate.of(2020, 10, 1));
        assertThat(snapshot.total()).isEqualTo(2);
        assertThat(snapshot.byPlacement())
                .containsEntry("Residential schools", 1L)
                .containsEntry("Other fostering", 1L)
                .doesNotContainKey("Secure, health and temporary")
                .doesNotContainKey("Children's homes");
    }

    @Test
    void theValidatorsFilesImportAndABrokenUploadChangesNothing() throws Exception {
        Map<String, byte[]> csv = files("d2i-csc-validator-be-903", ".csv");
        ImportReport903 report = returns.importFiles(csv, true);
        System.out.println("Validator CSV, problems by rule (! = error): "
                + report.problems().stream()
                        .collect(Collectors.groupingBy(
                                p -> p.rule() + (p.error() ? "!" : ""), TreeMap::new, Collectors.counting())));
        assertThat(report.saved()).isTrue();
        assertThat(report.otherTables()).containsKeys("reviews", "missing", "uasc", "oc2", "oc3", "ad1");
        long before = jdbc.sql("SELECT count(*) FROM sufficiency.episode")
                .query(Long.class)
                .single();
        assertThat(before).isEqualTo(report.episodesAfterMerging());

        // The same files with one impossible episode added: nothing is saved, the report says why.
        Map<String, byte[]> broken = new LinkedHashMap<>(csv);
        broken.put(
                "episodes.csv",
                (new String(csv.get("episodes.csv"), StandardCharsets.UTF_8).stripTrailing()
                                + "\n999999999,32/13/2020,S,C2,N1,U4,PR1,,,,,,\n")
                        .getBytes(StandardCharsets.UTF_8));
        ImportReport903 refused = returns.importFiles(broken, true);
        assertThat(refused.saved()).isFalse();
        assertThat(refused.problems())
                .filteredOn(Problem::error)
                .extracting(Problem::rule)
                .contains("E01", "E02");
        assertThat(jdbc.sql("SELECT count(*) FROM sufficiency.episode")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        ImportReport903 xml = returns.check(files("d2i-csc-validator-be-903", ".xml"));
        System.out.println("Validator XML: " + xml.children() + " children, " + xml.episodes()
                + " episodes, problems by rule: "
                + xml.problems().stream()
                        .collect(Collectors.groupingBy(Problem::rule, TreeMap::new, Collectors.counting())));
        assertThat(xml.children()).isPositive();
        assertThat(xml.episodes()).isPositive();

        ImportReport903 spreadsheets = returns.check(files("d2i-csc-validator-be-903", ".xlsx"));
        assertThat(spreadsheets.replaceable()).isFalse();
        assertThat(spreadsheets.problems())
                .filteredOn(p -> p.rule().equals("FILE"))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> assertThat(p.message()).contains("spreadsheet"));
    }

    @Autowired
    Forecasts forecasts;

    @Autowired
    FosterCarers carers;

    @Autowired
    PlacementSupply placementSupply;

    @Test
    void theReferencePeriodEndsWithTheLastCompleteCollectionYear() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        // Returns reach 27 March 2022: the 2021-22 year ended on 31 March 2022.
        assertThat(Forecasts.lastCompleteYearEnd(LocalDate.of(2022, 3, 27), today))
                .isEqualTo(LocalDate.of(2022, 3, 31));
        assertThat(Forecasts.lastCompleteYearEnd(LocalDate.of(2021, 4, 1), today))
                .isEqualTo(LocalDate.of(2022, 3, 31));
        assertThat(Forecasts.lastCompleteYearEnd(LocalDate.of(2022, 3, 31), today))
                .isEqualTo(LocalDate.of(2022, 3, 31));
        // Data that runs to today is in a year not yet over: the last 31 March.
        assertThat(Forecasts.lastCompleteYearEnd(today, today)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Forecasts.lastCompleteYearEnd(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31)))
                .isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Forecasts.lastCompleteYearEnd(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 25)))
                .isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void aScenarioLargerThanItsCohortIsRefusedWithTheCohortsSize() throws Exception {
        returns.importFiles(files("d2i-cs-demand-model", ".csv"), true);
        LocalDate start = LocalDate.of(2022, 3, 31);
        assertThat(forecasts.defaultReferenceEnd()).contains(start);
        // This test's own count of the cohorts on that day, from the episodes.
        long atHome = inPlacement(start, "'P1'");
        long friends = inPlacement(start, "'U1', 'U2', 'U3'");
        String day = "31 Mar 2022";
        assertThatThrownBy(() -> forecasts.save(
                        new Forecasts.Scenario(null, "Too many", 1, 0, 1, 1, (int) atHome + 1, (int) friends + 1, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems().get("discharge"))
                            .isEqualTo("Only " + atHome + " children are placed with parents on " + day
                                    + ", where the forecast starts unless you choose otherwise: discharge at most "
                                    + atHome + ".");
                    assertThat(e.problems().get("sgo"))
                            .startsWith("Only " + friends + " children are in family and friends fostering on " + day);
                });
        forecasts.save(new Forecasts.Scenario(null, "Just enough", 1, 0, 1, 1, (int) atHome, (int) friends, 0));
        // A forecast from an earlier start, where the cohort may be smaller, says what it did.
        LocalDate earlier = LocalDate.of(2019, 3, 31);
        long friendsThen = inPlacement(earlier, "'U1', 'U2', 'U3'");
        Forecasts.Scenario big = new Forecasts.Scenario(null, "Big", 1, 0, 1, 1, 0, (int) friendsThen + 7, 0);
        Forecasts.Forecast forecast = forecasts.forecast(earlier.minusYears(2), earlier, 1, 0, List.of(big));
        assertThat(forecast.notes())
                .containsExactly("Big moves " + (friendsThen + 7) + " family and friends placements to an SGO, but "
                        + friendsThen + " are on 31 Mar 2019; the forecast moves " + friendsThen + ".");
    }

    private long inPlacement(LocalDate on, String codes) {
        return jdbc.sql("SELECT count(DISTINCT child_id) FROM (SELECT DISTINCT ON (child_id) child_id, placement"
                        + " FROM sufficiency.episode WHERE started_on <= ? AND (ended_on IS NULL OR ended_on > ?)"
                        + " ORDER BY child_id, started_on) e WHERE placement IN (" + codes + ")")
                .params(on, on)
                .query(Long.class)
                .single();
    }

    @Test
    void aForecastWithExitRoutesScenariosCostGapAndBackTest() throws Exception {
        returns.importFiles(files("d2i-cs-demand-model", ".csv"), true);
        LocalDate end = LocalDate.of(2021, 3, 31);
        Forecasts.Scenario strategy = new Forecasts.Scenario(null, "Strategy", 1, 0, 1, 1, 5, 5, 0.1);
        Forecasts.Forecast forecast = forecasts.forecast(end.minusYears(2), end, 3, 3.0, List.of(strategy));
        Forecasts.Projection base = forecast.projections().get(0);
        Forecasts.Projection changed = forecast.projections().get(1);
        assertThat(base.points().getFirst().total())
                .isEqualTo((double) stock.on(end).total());
        // The observed history: each quarter end of the three years before, counted again by CareStock.
        assertThat(forecast.history())
                .extracting(Forecasts.Observed::on)
                .first()
                .isEqualTo(LocalDate.of(2018, 3, 31));
        assertThat(forecast.history()).extracting(Forecasts.Observed::on).last().isEqualTo(end);
        assertThat(forecast.history()).hasSize(13);
        for (Forecasts.Observed o : forecast.history()) {
            assertThat(o.on().getMonthValue() % 3)
                    .as(o.on() + " is a quarter end")
                    .isZero();
            assertThat(o.on()).isEqualTo(o.on().withDayOfMonth(o.on().lengthOfMonth()));
            assertThat(o.total())
                    .as("observed on " + o.on())
                    .isEqualTo(stock.on(o.on()).total());
        }
        assertThat(base.last().low()).isLessThan(base.last().total());
        assertThat(base.last().high()).isGreaterThan(base.last().total());
        for (int i = 1; i < base.points().size(); i++) {
            Forecasts.Point before = base.points().get(i - 1);
            Forecasts.Point after = base.points().get(i);
            assertThat(after.high() - after.low())
                    .as("the band from %s to %s carries on (it did not restart after a year)", before.on(), after.on())
                    .isGreaterThan(0.8 * (before.high() - before.low()));
        }
        System.out.println("Forecast band (standard deviation) by quarter: "
                + base.points().stream()
                        .map(p -> p.on() + " " + String.format(Locale.ROOT, "%.2f", (p.high() - p.total()) / 2))
                        .toList());
        assertThat(base.last().exitsSoFar())
                .containsKeys(
                        "Return home or to family", "Special guardianship order", "Adoption", "18 and over", "Other");
        assertThat(base.last().spendSoFar()).isPositive();
        assertThat(changed.last().total())
                .as("the strategy reduces the number in care")
                .isLessThan(base.last().total());
        assertThat(changed.last().exitsSoFar().get("Special guardianship order"))
                .isGreaterThan(base.last().exitsSoFar().get("Special guardianship order"));
        assertThat(changed.last().spendSoFar()).isLessThan(base.last().spendSoFar());

        placementSupply.setSupply(PlacementCategory.CHILDRENS_HOMES, 3);
        assertThat(forecasts.gap(base))
                .filteredOn(g -> g.category() == PlacementCategory.CHILDRENS_HOMES)
                .singleElement()
                .satisfies(g -> assertThat(g.gap()).isCloseTo(g.need() - 3, within(1e-9)));

        // The carers held already (the demonstration's), then two more: one of them for 10 to 15.
        FosterCarers.AgeGap tenToFifteen = carers.fosteringGapByAge(base).stream()
                .filter(g -> g.ageBand().equals("10 to 15"))
                .findFirst()
                .orElseThrow();
        carers.saveCarer(new FosterCarers.Carer("FC-001", "in-house", 2, 1, 0, 4));
        carers.saveCarer(new FosterCarers.Carer("FC-002", "in-house", 3, 0, 10, 17));
        assertThatThrownBy(() -> carers.saveCarer(new FosterCarers.Carer("Mrs Smith!", "in-house", 2, 3, 5, 1)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsKeys("reference", "vacancies", "ages"));
        assertThat(carers.fosteringGapByAge(base))
                .filteredOn(g -> g.ageBand().equals("10 to 15"))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.approvedPlaces()).isEqualTo(tenToFifteen.approvedPlaces() + 3);
                    assertThat(g.vacancies()).isEqualTo(tenToFifteen.vacancies());
                    assertThat(g.need()).isCloseTo(base.last().fosteringByAge().get("10 to 15"), within(1e-9));
                });
        carers.removeCarer("FC-002");
        assertThat(carers.carers())
                .extracting(FosterCarers.Carer::reference)
                .contains("FC-001")
                .doesNotContain("FC-002");

        // The back-test as the page runs it unless the commissioner changes it: from a year before
        // the end of the data to its end, with rates from the year before the start.
        LocalDate dataEnd = forecasts.dataEnd().orElseThrow();
        Forecasts.BackTest test = forecasts.backTest(dataEnd.minusYears(1), dataEnd);
        assertThat(test.referenceFrom()).isEqualTo(dataEnd.minusYears(2));
        assertThat(test.referenceTo()).isEqualTo(dataEnd.minusYears(1));
        assertThat(test.actualTotal()).isEqualTo(stock.on(dataEnd).total());
        System.out.printf(
                Locale.ROOT,
                "Back-test %s to %s (the end of the data), rates %s to %s: forecast %.1f (band %.1f to %.1f),"
                        + " actual %d, error %.1f%%%n",
                test.from(),
                test.to(),
                test.referenceFrom(),
                test.referenceTo(),
                test.forecastTotal(),
                test.low(),
                test.high(),
                test.actualTotal(),
                test.errorPercent());
        // The commissioner's own choice of reference period is used, and one that sees the future refused.
        Forecasts.BackTest chosen =
                forecasts.backTest(dataEnd.minusYears(1), dataEnd, dataEnd.minusYears(3), dataEnd.minusYears(1));
        assertThat(chosen.referenceFrom()).isEqualTo(dataEnd.minusYears(3));
        assertThat(chosen.forecastTotal()).isNotEqualTo(test.forecastTotal());
        assertThatThrownBy(() -> forecasts.backTest(
                        dataEnd.minusYears(1), dataEnd, dataEnd.minusYears(1), dataEnd.minusMonths(6)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsKey("backTestReference"));

        // Saved scenarios fit the cohorts where the forecast starts by default (31 March 2022).
        Forecasts.Scenario fits = new Forecasts.Scenario(
                null,
                "Strategy",
                1,
                0,
                1,
                1,
                (int) Math.min(5, inPlacement(LocalDate.of(2022, 3, 31), "'P1'")),
                (int) Math.min(5, inPlacement(LocalDate.of(2022, 3, 31), "'U1', 'U2', 'U3'")),
                0.1);
        UUID saved = forecasts.save(fits);
        assertThat(forecasts.scenarios()).extracting(Forecasts.Scenario::name).contains("Strategy");
        assertThatThrownBy(() -> forecasts.save(fits)).isInstanceOf(ValidationException.class);
        forecasts.delete(saved);
        assertThatThrownBy(() -> forecasts.forecast(end, end.minusYears(1), 9, 0, List.of()))
                .isInstanceOf(ValidationException.class);
    }

    @Autowired
    Providers providers;

    @Test
    void theOfstedProviderListsImport() throws Exception {
        Map<String, byte[]> lists = files("d2i-csc-validator-be-903", ".xlsx");
        assertThat(lists).hasSize(3);
        long others = jdbc.sql("SELECT count(*) FROM sufficiency.provider")
                .query(Long.class)
                .single();
        int total = 0;
        for (Map.Entry<String, byte[]> list : lists.entrySet()) {
            Providers.Imported imported = providers.importList(list.getKey(), list.getValue());
            System.out.println("Ofsted list " + imported.file() + ": " + imported.bySheet() + " " + imported.notes());
            assertThat(imported.providers()).isPositive();
            total += imported.providers();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM sufficiency.provider")
                        .query(Long.class)
                        .single())
                .isEqualTo(others + total);
        assertThat(providers.summary(LocalDate.of(2021, 3, 31))).isNotEmpty();
        assertThat(jdbc.sql("SELECT places FROM sufficiency.provider WHERE urn = '2'")
                        .query(Integer.class)
                        .single())
                .as("capacity read from the supported accommodation sheet")
                .isEqualTo(1);
        // Importing the same list again replaces it rather than doubling it.
        providers.importList("ch_fake.xlsx", lists.get("ch_fake.xlsx"));
        assertThat(jdbc.sql("SELECT count(*) FROM sufficiency.provider")
                        .query(Long.class)
                        .single())
                .isEqualTo(others + total);
        assertThatThrownBy(() -> providers.importList("bad.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportException.class);
    }

    @Test
    void datesAndCodesOldAndNewAreUnderstood() {
        String header = "CHILD,SEX,DOB,ETHNIC\nA1,M,2012-03-04,WBRI\nA2,2,04/03/2012,WBRI\n";
        String episodes = """
                CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
                A1,2019-01-01,S,C2,N1,U1,PR1,2020-01-01,E44,,DY1,DY1 1AA,
                A2,01/01/2019,S,C2,N1,Z11,PR4,01/06/2020,E45,,,,
                """;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("2020-header.csv", header.getBytes(StandardCharsets.UTF_8));
        files.put("2020-episodes.csv", episodes.getBytes(StandardCharsets.UTF_8));
        ImportReport903 report = returns.check(files);
        assertThat(report.problems()).filteredOn(Problem::error).isEmpty();
    }

    @Test
    void eachRuleCanFail() {
        String header = "CHILD,SEX,DOB,ETHNIC\nB1,7,31/02/2012,XXXX\nB2,1,01/01/2000,WBRI\n";
        String episodes = """
                CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
                B2,01/01/2019,Q,C9,N9,Q9,PR9,01/01/2018,E99,NOPE,NOT A POSTCODE,12345,
                B9,01/01/2019,S,C2,N1,K2,PR1,,,,,,
                """;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("header.csv", header.getBytes(StandardCharsets.UTF_8));
        files.put("episodes.csv", episodes.getBytes(StandardCharsets.UTF_8));
        ImportReport903 report = returns.check(files);
        assertThat(report.problems())
                .extracting(Problem::rule)
                .contains(
                        "H02", "H03", "H05", "E01", "E05", "E06", "E07", "E08", "E09", "E12", "E13", "E16", "E17",
                        "E18", "E19", "E21");
        assertThat(Rules.ALL).hasSizeGreaterThanOrEqualTo(25);

        // The children's ids, for whoever puts the records right: only with a reason, which is audited.
        List<String> columns = List.of("Kind", "Rule", "DfE rule", "Child", "File", "Line", "What is wrong");
        assertThatThrownBy(() -> returns.problemsWithChildIds(
                        report.problems(), "  because ", columns, "E", "W", Message::english))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsKey("reason"));
        String reason = "Sent to the data team to correct B2's episode on the case system";
        String csv = returns.problemsWithChildIds(report.problems(), reason, columns, "E", "W", Message::english);
        assertThat(csv)
                .startsWith("\"Kind\",\"Rule\",\"DfE rule\",\"Child\",\"File\",\"Line\",\"What is wrong\"\r\n")
                .contains("\"E\",\"H02\",\"101\",\"B1\",\"header.csv\",\"2\",");
        assertThat(csv.split("\r\n")).hasSize(report.problems().size() + 1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.entry WHERE actor = 'commissioner' AND action = 'export'
                          AND record_type = 'ssda903-problems-with-child-ids' AND reason = ?
                          AND details = ?""")
                        .params(reason, report.problems().size() + " problems, 3 children")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        SignedIn.as("lead", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() ->
                        returns.problemsWithChildIds(report.problems(), reason, columns, "E", "W", Message::english))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aFileThatIsNotAReturnIsRefusedPlainly() {
        ImportReport903 report =
                returns.check(Map.of("2021-episodes.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(report.replaceable()).isFalse();
        assertThat(report.problems())
                .anySatisfy(p -> assertThat(p.message()).contains("2021-episodes.csv", "missing the columns"));
    }

    @Test
    void onlyCommissionersAndAdministratorsImportOrSeeTheFigures() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() -> stock.on(LocalDate.now())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> returns.check(Map.of())).isInstanceOf(AccessDeniedException.class);
        List.of();
    }

    /** A small, valid return: {@code children} in care since last year, in family and friends fostering. */
    private static Map<String, byte[]> validReturn(int children) {
        int year = LocalDate.now().getYear();
        StringBuilder header = new StringBuilder("CHILD,SEX,DOB,ETHNIC\n");
        StringBuilder episodes = new StringBuilder(
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
        for (int i = 0; i < children; i++) {
            String child = "S" + (1000 + i);
            header.append(child).append(",1,15/03/").append(year - 9).append(",WBRI\n");
            episodes.append(child).append(",01/06/").append(year - 1).append(",S,C2,N1,U1,PR1,,,,DY1 1AA,DY2 2BB,\n");
        }
        Map<String, byte[]> files = new TreeMap<>();
        files.put(year + "-header.csv", header.toString().getBytes(StandardCharsets.UTF_8));
        files.put(year + "-episodes.csv", episodes.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Every table of the sufficiency module, as a fingerprint of its rows. */
    private Map<String, String> everySufficiencyTable() {
        Map<String, String> tables = new TreeMap<>();
        for (String table : jdbc.sql("""
                        SELECT table_name FROM information_schema.tables WHERE table_schema = 'sufficiency'
                        AND table_type = 'BASE TABLE' ORDER BY table_name""").query(String.class).list()) {
            tables.put(
                    table,
                    jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                                    + " FROM sufficiency." + table + " t")
                            .query(String.class)
                            .single());
        }
        return tables;
    }

    @Test
    void noUploadThatIsNotACompleteReturnCanReplaceTheReturnsHeld() throws Exception {
        ImportReport903 held = returns.importFiles(validReturn(20), true);
        assertThat(held.saved()).as(held.problems().toString()).isTrue();
        Map<String, String> before = everySufficiencyTable();
        assertThat(before).containsKeys("child", "episode", "import_run");

        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
                .repeat(10)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[50 * 1024 * 1024];
        new Random(903).nextBytes(random);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0};
        Map<String, Map<String, byte[]>> bad = new LinkedHashMap<>();
        bad.put("a PDF named .csv", Map.of("report.pdf.csv", pdf));
        bad.put("50 MB of random bytes", Map.of("junk.csv", random));
        bad.put("a picture", Map.of("photo.png", png));
        bad.put("a spreadsheet", Map.of("returns.xlsx", xlsx));
        bad.put("a spreadsheet named .csv", Map.of("2025-header.csv", xlsx));
        bad.put(
                "a CSV that is no table of a return",
                Map.of("budget.csv", "Cost centre,Amount\nA,12\n".getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> headerOnly = new TreeMap<>(validReturn(30));
        headerOnly.keySet().removeIf(n -> n.contains("episodes"));
        bad.put("a header without episodes", headerOnly);
        Map<String, byte[]> withPdf = new TreeMap<>(validReturn(30));
        withPdf.put("report.pdf.csv", pdf);
        bad.put("a good return with a PDF among it", withPdf);
        bad.put(
                "an XML return with no children",
                Map.of(
                        "return.xml",
                        "<?xml version='1.0'?><EXPSSDA903></EXPSSDA903>".getBytes(StandardCharsets.UTF_8)));

        for (Map.Entry<String, Map<String, byte[]>> upload : bad.entrySet()) {
            ImportReport903 checked = returns.check(upload.getValue());
            assertThat(checked.replaceable())
                    .as(upload.getKey() + " is not offered to replace the returns")
                    .isFalse();
            assertThat(checked.errors()).as(upload.getKey()).isPositive();
            ImportReport903 imported = returns.importFiles(upload.getValue(), true);
            assertThat(imported.saved()).as(upload.getKey()).isFalse();
            assertThat(everySufficiencyTable())
                    .as(upload.getKey() + " leaves every table as it was")
                    .isEqualTo(before);
        }
        ImportReport903 pdfReport = returns.check(Map.of("report.pdf.csv", pdf));
        assertThat(pdfReport.problems()).anySatisfy(p -> assertThat(p.message()).contains("report.pdf.csv", "PDF"));
        assertThat(returns.check(Map.of("junk.csv", random)).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("junk.csv", "not text"));
        assertThat(returns.check(Map.of("returns.xlsx", xlsx)).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("returns.xlsx", "spreadsheet"));
        assertThat(returns.check(headerOnly).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("no episodes"));

        // A complete return that would leave far fewer children than are held waits for a second
        // confirmation, and says what would change.
        ImportReport903 small = returns.importFiles(validReturn(3));
        assertThat(small.saved()).isFalse();
        assertThat(small.needsSecondConfirmation()).isTrue();
        assertThat(small.change().now().inCareToday()).isEqualTo(20);
        assertThat(small.change().after().inCareToday()).isEqualTo(3);
        assertThat(everySufficiencyTable()).isEqualTo(before);
        ImportReport903 confirmed = returns.importFiles(validReturn(3), true);
        assertThat(confirmed.saved()).isTrue();
        assertThat(stock.on(LocalDate.now()).total()).isEqualTo(3);
    }
}
