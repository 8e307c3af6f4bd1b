package org.earlyhelp.sufficiency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.PostcodeSectors;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.StockFlowModel;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Day;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Rates;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Spell;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forecasts of children in care for commissioners: the stock-flow model measured over a
 * reference period and projected up to five years, with exit routes as separate outcomes;
 * named scenarios (multipliers and additions, and the strategy's ready-made ones); cost per
 * scenario with inflation; the gap between forecast need and supply; and a back-test.
 */
@Service
public class Forecasts {

    /** A saved scenario. Factors of 1 and additions of 0 change nothing. */
    public record Scenario(
            @Nullable UUID id,
            String name,
            double entryFactor,
            double entriesAddedAYear,
            double exitFactor,
            double moveFactor,
            int dischargeCareOrdersAtHome,
            int familyAndFriendsToSgo,
            double earlyHelpEntryReduction) {

        public static Scenario base() {
            return new Scenario(null, "Current trends", 1, 0, 1, 1, 0, 0, 0);
        }
    }

    /** One point of a projection: totals with the band, by category, exits so far, spend so far. */
    public record Point(
            LocalDate on,
            double total,
            double low,
            double high,
            Map<PlacementCategory, Double> byCategory,
            Map<String, Double> byAge,
            Map<String, Double> exitsSoFar,
            double spendSoFar,
            Map<String, Double> fosteringByAge) {}

    /** A scenario's projection, sampled at the start and at every quarter end. */
    public record Projection(Scenario scenario, List<Point> points) {

        public Point last() {
            return points.getLast();
        }
    }

    /** Children in care on a date, as the returns record them. */
    public record Observed(LocalDate on, long total) {}

    /**
     * A forecast: the reference period, the measured entries a year, each scenario, and the
     * children in care observed at the quarter ends of up to three years before the start (and on
     * the start itself), for the history the forecast carries on from.
     */
    public record Forecast(
            LocalDate referenceFrom,
            LocalDate referenceTo,
            LocalDate start,
            int years,
            double entriesAYear,
            List<Projection> projections,
            List<String> notes,
            List<Observed> history) {}

    /** Forecast need minus supply, by category, at the horizon. */
    public record Gap(PlacementCategory category, double need, double high, int supply, double gap) {}

    /** How a forecast from an earlier date compared with what happened. */
    public record BackTest(
            LocalDate from,
            LocalDate to,
            LocalDate referenceFrom,
            LocalDate referenceTo,
            double forecastTotal,
            double low,
            double high,
            long actualTotal,
            Map<PlacementCategory, double[]> byCategory) {

        public double errorPercent() {
            return actualTotal == 0 ? 0 : 100.0 * (forecastTotal - actualTotal) / actualTotal;
        }

        public boolean withinBand() {
            return actualTotal >= low && actualTotal <= high;
        }
    }

    private final JdbcClient jdbc;
    private final Whereabouts whereabouts;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;
    private final PlacementSupply placementSupply;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    Forecasts(
            JdbcClient jdbc,
            CurrentUsers currentUsers,
            AuditTrail audit,
            Whereabouts whereabouts,
            Clock clock,
            PlacementSupply placementSupply) {
        this.placementSupply = placementSupply;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.whereabouts = whereabouts;
        this.clock = clock;
    }

    /** The last day the returns cover, if any are imported. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> dataEnd() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return jdbc.sql("SELECT max(greatest(started_on, coalesce(ended_on, started_on))) FROM sufficiency.episode")
                .query(LocalDate.class)
                .optional();
    }

    /**
     * Where the reference period ends unless the commissioner chooses otherwise: the end (31 March)
     * of the last collection year the returns reach into that has ended by today. Returns are made
     * for whole years, so the year of the latest date in them is complete once its 31 March has
     * passed; made-up data that runs to today stops at the last 31 March.
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> defaultReferenceEnd() {
        return dataEnd().map(latest -> lastCompleteYearEnd(latest, WorkingCalendar.today(clock)));
    }

    /** The 31 March that ends the collection year of {@code latest}, or the one before if it is after today. */
    static LocalDate lastCompleteYearEnd(LocalDate latest, LocalDate today) {
        LocalDate end = LocalDate.of(latest.getMonthValue() >= 4 ? latest.getYear() + 1 : latest.getYear(), 3, 31);
        return end.isAfter(today) ? end.minusYears(1) : end;
    }

    /** The strategy's cohorts in a stock: children placed with parents, and in family and friends fostering. */
    private static int[] cohorts(double[] stock) {
        int[] cohorts = new int[2];
        for (int age = 0; age < StockFlowModel.AGES.size(); age++) {
            cohorts[0] += (int) Math.round(stock[StockFlowModel.state(age, 0)]);
            cohorts[1] += (int) Math.round(stock[StockFlowModel.state(age, 1)]);
        }
        return cohorts;
    }

    /**
     * Forecasts from the end of the data for {@code years} (1 to 5), with rates measured over the
     * reference period, for the base and each scenario given.
     */
    @Transactional(readOnly = true)
    public Forecast forecast(
            LocalDate referenceFrom,
            LocalDate referenceTo,
            int years,
            double inflationPercent,
            List<Scenario> scenarios) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (years < 1 || years > 5) {
            problems.put("years", new Message("sufficiency.problem.years.forecast-from-1-5-years"));
        }
        if (!referenceFrom.isBefore(referenceTo)) {
            problems.put(
                    "referenceFrom",
                    new Message("sufficiency.problem.referencefrom.reference-period-must-start-before"));
        } else if (ChronoUnit.DAYS.between(referenceFrom, referenceTo) < 90) {
            problems.put(
                    "referenceFrom", new Message("sufficiency.problem.referencefrom.use-reference-period-least-3"));
        }
        if (inflationPercent < -10 || inflationPercent > 30) {
            problems.put("inflation", new Message("sufficiency.problem.inflation.inflation-between-10-30-year"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<String, List<Spell>> children = spells();
        Rates rates = StockFlowModel.measure(children, referenceFrom, referenceTo);
        LocalDate start = referenceTo;
        double[] stock = StockFlowModel.stock(children, start);
        double[][] costs = costs(children, start);
        List<Projection> projections = new ArrayList<>();
        List<Scenario> all = new ArrayList<>();
        all.add(Scenario.base());
        all.addAll(scenarios);
        for (Scenario scenario : all) {
            projections.add(project(scenario, rates, stock, start, years, costs, inflationPercent));
        }
        double entries = 0;
        for (double e : rates.entry()) {
            entries += e * 365.25;
        }
        List<String> notes = new ArrayList<>();
        int[] cohorts = cohorts(stock);
        for (Scenario scenario : scenarios) {
            if (scenario.dischargeCareOrdersAtHome() > cohorts[0]) {
                notes.add(scenario.name() + " discharges " + scenario.dischargeCareOrdersAtHome()
                        + " children placed with parents, but " + cohorts[0] + " are on " + DAY.format(start)
                        + "; the forecast discharges " + cohorts[0] + ".");
            }
            if (scenario.familyAndFriendsToSgo() > cohorts[1]) {
                notes.add(scenario.name() + " moves " + scenario.familyAndFriendsToSgo()
                        + " family and friends placements to an SGO, but " + cohorts[1] + " are on " + DAY.format(start)
                        + "; the forecast moves " + cohorts[1] + ".");
            }
        }
        return new Forecast(
                referenceFrom, referenceTo, start, years, entries, projections, notes, history(children, start));
    }

    /** Forecast need at the horizon against the places there are, by category. */
    @Transactional(readOnly = true)
    public List<Gap> gap(Projection projection) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<PlacementCategory, Integer> supply = placementSupply.supply();
        Point end = projection.last();
        double share = end.total() == 0 ? 0 : (end.high() - end.total()) / end.total();
        List<Gap> gaps = new ArrayList<>();
        for (PlacementCategory category : PlacementCategory.values()) {
            double need = end.byCategory().getOrDefault(category, 0.0);
            int places = supply.getOrDefault(category, 0);
            gaps.add(new Gap(category, need, need * (1 + share), places, need - places));
        }
        return gaps;
    }

    /** Need at the horizon against providers' places, in one area. */
    public record AreaGap(String area, long inCareNow, double need, long places, double gap) {}

    /** The row for homes and providers outside the borough's lookup or without a postcode. */
    public static final String OUTSIDE_OR_UNKNOWN = "Outside the borough or not known";

    /**
     * Need at the end of a projection by the hub covering the children's homes, against the
     * places of listed providers in that hub's area. The projection's total is shared out in
     * proportion to where the children in care at its start live (the model does not project
     * areas); places are those of Ofsted-listed providers whose postcode sector lies in the area.
     * Empty when no postcode lookup is loaded.
     */
    @Transactional(readOnly = true)
    public List<AreaGap> gapByArea(Projection projection) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, PostcodeSectors.Sector> lookup = whereabouts.sectors();
        if (lookup.isEmpty()) {
            return List.of();
        }
        LocalDate start = projection.points().getFirst().on();
        Map<String, Long> homes = new LinkedHashMap<>();
        Whereabouts.count(whereabouts.pairsOn(start), lookup)
                .homeArea()
                .forEach((area, n) -> homes.merge(
                        area.equals(Whereabouts.HOME_OUTSIDE) || area.equals(Whereabouts.HOME_NOT_RECORDED)
                                ? OUTSIDE_OR_UNKNOWN
                                : area,
                        n,
                        Long::sum));
        Map<String, Long> places = new LinkedHashMap<>();
        jdbc.sql("SELECT postcode, sum(places) FROM sufficiency.provider WHERE places IS NOT NULL GROUP BY postcode")
                .query((rs, n) -> places.merge(
                        PostcodeSectors.sectorOf(rs.getString(1))
                                .map(lookup::get)
                                .map(s -> s.hubName().orElse(Whereabouts.NO_HUB))
                                .orElse(OUTSIDE_OR_UNKNOWN),
                        rs.getLong(2),
                        Long::sum))
                .list();
        long now = homes.values().stream().mapToLong(Long::longValue).sum();
        double end = projection.last().total();
        TreeSet<String> areas = new TreeSet<>(Whereabouts.AREA_ORDER);
        areas.addAll(homes.keySet());
        areas.addAll(places.keySet());
        List<AreaGap> gaps = new ArrayList<>();
        for (String area : areas) {
            long children = homes.getOrDefault(area, 0L);
            double need = now == 0 ? 0 : end * children / now;
            long p = places.getOrDefault(area, 0L);
            gaps.add(new AreaGap(area, children, need, p, need - p));
        }
        return gaps;
    }

    /**
     * Forecasts from {@code from} with rates from the year before it, to {@code to}, and compares
     * with the children actually in care on {@code to}.
     */
    @Transactional(readOnly = true)
    public BackTest backTest(LocalDate from, LocalDate to) {
        return backTest(from, to, from.minusYears(1), from);
    }

    /**
     * Forecasts from {@code from} to {@code to} with rates measured over the reference period
     * {@code [referenceFrom, referenceTo]}, which must end by {@code from} (a back-test must not
     * see what it forecasts), and compares with the children actually in care on {@code to}.
     */
    @Transactional(readOnly = true)
    public BackTest backTest(LocalDate from, LocalDate to, LocalDate referenceFrom, LocalDate referenceTo) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (!from.isBefore(to)) {
            problems.put("backTest", new Message("sufficiency.problem.backtest.back-test-must-forecast-forwards"));
        }
        if (!referenceFrom.isBefore(referenceTo)) {
            problems.put(
                    "backTestReference",
                    new Message("sufficiency.problem.referencefrom.reference-period-must-start-before"));
        } else if (ChronoUnit.DAYS.between(referenceFrom, referenceTo) < 90) {
            problems.put(
                    "backTestReference", new Message("sufficiency.problem.referencefrom.use-reference-period-least-3"));
        } else if (referenceTo.isAfter(from)) {
            problems.put(
                    "backTestReference",
                    new Message("sufficiency.problem.backtestreference.reference-period-must-end-by"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<String, List<Spell>> children = spells();
        Rates rates = StockFlowModel.measure(children, referenceFrom, referenceTo);
        List<Day> days = StockFlowModel.project(
                rates, StockFlowModel.stock(children, from), from, (int) ChronoUnit.DAYS.between(from, to));
        Day last = days.getLast();
        double[] actual = StockFlowModel.stock(children, to);
        Map<PlacementCategory, double[]> byCategory = new LinkedHashMap<>();
        for (int c = 0; c < StockFlowModel.CATEGORIES.size(); c++) {
            double f = 0;
            double a = 0;
            for (int age = 0; age < StockFlowModel.AGES.size(); age++) {
                f += last.stock()[StockFlowModel.state(age, c)];
                a += actual[StockFlowModel.state(age, c)];
            }
            byCategory.put(StockFlowModel.CATEGORIES.get(c), new double[] {f, a});
        }
        long actualTotal = 0;
        for (double a : actual) {
            actualTotal += Math.round(a);
        }
        return new BackTest(
                from,
                to,
                referenceFrom,
                referenceTo,
                last.total(),
                last.total() - 2 * last.sd(),
                last.total() + 2 * last.sd(),
                actualTotal,
                byCategory);
    }

    // ---- scenarios, costs and supply ------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Scenario> scenarios() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return jdbc.sql("""
                        SELECT id, name, entry_factor, entries_added_a_year, exit_factor, move_factor, discharge_at_home,
                               friends_to_sgo, early_help_reduction FROM sufficiency.scenario ORDER BY created_at""")
                .query((rs, n) -> new Scenario(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getDouble(9)))
                .list();
    }

    /** Saves a named scenario; commissioners. */
    @Transactional
    public UUID save(Scenario s) {
        CurrentUser user = currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (s.name() == null || s.name().isBlank() || s.name().length() > 80) {
            problems.put("name", new Message("sufficiency.problem.name.name-scenario-up-80-characters"));
        }
        if (s.entryFactor() < 0
                || s.entryFactor() > 5
                || s.exitFactor() < 0
                || s.exitFactor() > 5
                || s.moveFactor() < 0
                || s.moveFactor() > 5) {
            problems.put("factors", new Message("sufficiency.problem.factors.multiply-rates-by-0-5"));
        }
        if (s.dischargeCareOrdersAtHome() < 0 || s.familyAndFriendsToSgo() < 0) {
            problems.put("numbers", new Message("sufficiency.problem.numbers.numbers-children-cannot-negative"));
        } else {
            Optional<LocalDate> start = defaultReferenceEnd();
            if (start.isPresent()) {
                int[] cohorts = cohorts(StockFlowModel.stock(spells(), start.get()));
                if (s.dischargeCareOrdersAtHome() > cohorts[0]) {
                    problems.put(
                            "discharge",
                            new Message(
                                    "sufficiency.problem.discharge.only-0-children-are-placed",
                                    cohorts[0],
                                    DAY.format(start.get()),
                                    cohorts[0]));
                }
                if (s.familyAndFriendsToSgo() > cohorts[1]) {
                    problems.put(
                            "sgo",
                            new Message(
                                    "sufficiency.problem.sgo.only-0-children-are-family",
                                    cohorts[1],
                                    DAY.format(start.get()),
                                    cohorts[1]));
                }
            }
        }
        if (s.earlyHelpEntryReduction() < 0 || s.earlyHelpEntryReduction() > 1) {
            problems.put("earlyHelp", new Message("sufficiency.problem.earlyhelp.early-help-reduces-entries-by"));
        }
        if (Math.abs(s.entriesAddedAYear()) > 10_000) {
            problems.put("entries", new Message("sufficiency.problem.entries.add-take-away-most-10"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            INSERT INTO sufficiency.scenario (id, name, entry_factor, entries_added_a_year, exit_factor, move_factor,
                              discharge_at_home, friends_to_sgo, early_help_reduction, created_by, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            s.name().strip(),
                            s.entryFactor(),
                            s.entriesAddedAYear(),
                            s.exitFactor(),
                            s.moveFactor(),
                            s.dischargeCareOrdersAtHome(),
                            s.familyAndFriendsToSgo(),
                            s.earlyHelpEntryReduction(),
                            user.username(),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ValidationException(
                    Map.of("name", new Message("sufficiency.problem.name.scenario-with-name-exists-choose")));
        }
        audit.record(AuditAction.SAVE, "scenario", id.toString(), null, null, s.name());
        return id;
    }

    @Transactional
    public void delete(UUID scenario) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        jdbc.sql("DELETE FROM sufficiency.scenario WHERE id = ?")
                .param(scenario)
                .update();
        audit.record(AuditAction.DELETE, "scenario", scenario.toString(), null, null, null);
    }

    // ---- foster carers ---------------------------------------------------------------------------

    /** A foster carer on the council's register: a reference, places, vacancies and ages. */
    public record Carer(String reference, String kind, int approvedPlaces, int vacancies, int ageFrom, int ageTo) {}

    @Transactional(readOnly = true)
    public List<Carer> carers() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return jdbc.sql(
                        "SELECT reference, kind, approved_places, vacancies, age_from, age_to FROM sufficiency.foster_carer ORDER BY reference")
                .query((rs, n) -> new Carer(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** Adds or updates a carer on the register, with each field checked. */
    @Transactional
    public void saveCarer(Carer c) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (c.reference() == null || !c.reference().strip().matches("[A-Za-z0-9-]{1,20}")) {
            problems.put("reference", new Message("sufficiency.problem.reference.reference-up-20-letters-digits"));
        }
        if (!List.of("in-house", "family and friends").contains(c.kind())) {
            problems.put("kind", new Message("sufficiency.problem.kind.choose-house-family-friends"));
        }
        if (c.approvedPlaces() < 1 || c.approvedPlaces() > 10) {
            problems.put("approvedPlaces", new Message("sufficiency.problem.approvedplaces.approved-places-from-1-10"));
        }
        if (c.vacancies() < 0 || c.vacancies() > c.approvedPlaces()) {
            problems.put("vacancies", new Message("sufficiency.problem.vacancies.vacancies-from-0-approved-places"));
        }
        if (c.ageFrom() < 0 || c.ageTo() > 17 || c.ageFrom() > c.ageTo()) {
            problems.put("ages", new Message("sufficiency.problem.ages.ages-from-0-17-first"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("""
                        INSERT INTO sufficiency.foster_carer (reference, kind, approved_places, vacancies, age_from, age_to)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO UPDATE SET kind = excluded.kind,
                          approved_places = excluded.approved_places, vacancies = excluded.vacancies,
                          age_from = excluded.age_from, age_to = excluded.age_to""")
                .params(c.reference().strip(), c.kind(), c.approvedPlaces(), c.vacancies(), c.ageFrom(), c.ageTo())
                .update();
        audit.record(AuditAction.SAVE_CARER, "foster-carer", c.reference().strip(), null, null, null);
    }

    @Transactional
    public void removeCarer(String reference) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        jdbc.sql("DELETE FROM sufficiency.foster_carer WHERE reference = ?")
                .param(reference)
                .update();
        audit.record(AuditAction.REMOVE_CARER, "foster-carer", reference, null, null, null);
    }

    /** Fostering need at the end of a projection against carers' places, by age band. */
    public record AgeGap(String ageBand, double need, int approvedPlaces, int vacancies) {}

    /**
     * Fostering (family and friends and other fostering) by age band at the horizon, against the
     * register's approved places and vacancies for carers approved for any age in the band (a
     * carer approved for several bands counts in each, so places are an upper bound).
     */
    @Transactional(readOnly = true)
    public List<AgeGap> fosteringGapByAge(Projection projection, Forecast forecast) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        List<Carer> carers = carers();
        int[][] bands = {{0, 0}, {1, 4}, {5, 9}, {10, 15}, {16, 17}};
        List<AgeGap> gaps = new ArrayList<>();
        Map<String, Double> needByAge = projection.last().fosteringByAge();
        for (int b = 0; b < bands.length; b++) {
            int from = bands[b][0];
            int to = bands[b][1];
            int places = 0;
            int vacancies = 0;
            for (Carer c : carers) {
                if (c.ageFrom() <= to && c.ageTo() >= from) {
                    places += c.approvedPlaces();
                    vacancies += c.vacancies();
                }
            }
            String band = StockFlowModel.AGES.get(b);
            gaps.add(new AgeGap(band, needByAge.getOrDefault(band, 0.0), places, vacancies));
        }
        return gaps;
    }

    // ---- the model ----------------------------------------------------------------------------

    private Projection project(
            Scenario scenario,
            Rates measured,
            double[] stock,
            LocalDate start,
            int years,
            double[][] weekly,
            double inflation) {
        Rates rates = measured.copy();
        int states = StockFlowModel.STATES;
        double entryFactor = scenario.entryFactor() * (1 - scenario.earlyHelpEntryReduction());
        double entryTotal = 0;
        for (double e : rates.entry()) {
            entryTotal += e;
        }
        for (int s = 0; s < states; s++) {
            double share = entryTotal == 0 ? 1.0 / states : rates.entry()[s] / entryTotal;
            rates.entry()[s] = rates.entry()[s] * entryFactor + share * scenario.entriesAddedAYear() / 365.25;
            for (int t = 0; t < states; t++) {
                rates.move()[s][t] *= scenario.moveFactor();
            }
            for (int o = 0; o < StockFlowModel.EXITS.size(); o++) {
                rates.exit()[s][o] *= scenario.exitFactor();
            }
        }
        rates.keepValid();
        // The strategy's ready-made changes act over the first 12 months: extra daily exits from
        // the cohort's states, shared by their stock at the start.
        Rates firstYear = rates.copy();
        addCohortExits(firstYear, stock, 0, 0, scenario.dischargeCareOrdersAtHome());
        addCohortExits(firstYear, stock, 1, 1, scenario.familyAndFriendsToSgo());
        firstYear.keepValid();
        int days = (int) ChronoUnit.DAYS.between(start, start.plusYears(years));
        // One projection whose rates change after the first year, so its uncertainty carries on.
        List<Day> all = StockFlowModel.project(firstYear, 365, rates, stock, start, days);
        List<Point> points = new ArrayList<>();
        double spend = 0;
        for (int i = 0; i < all.size(); i++) {
            Day d = all.get(i);
            if (i > 0) {
                double yearsIn = ChronoUnit.DAYS.between(start, d.on()) / 365.25;
                double factor = Math.pow(1 + inflation / 100.0, Math.floor(yearsIn));
                for (int s = 0; s < states; s++) {
                    spend += d.stock()[s] * weekly[s % StockFlowModel.CATEGORIES.size()][0] / 7.0 * factor;
                }
            }
            boolean quarterEnd =
                    d.on().equals(d.on().withDayOfMonth(d.on().lengthOfMonth())) && d.on().getMonthValue() % 3 == 0;
            if (i == 0 || quarterEnd || i == all.size() - 1) {
                points.add(point(d, spend));
            }
        }
        return new Projection(scenario, points);
    }

    /** The observed totals at the quarter ends of up to three years before the start, and on it. */
    static List<Observed> history(Map<String, List<Spell>> children, LocalDate start) {
        LocalDate first = children.values().stream()
                .flatMap(List::stream)
                .map(Spell::start)
                .min(Comparator.naturalOrder())
                .orElse(start);
        LocalDate earliest = start.minusYears(3);
        List<Observed> history = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start);
                !month.atEndOfMonth().isBefore(earliest);
                month = month.minusMonths(1)) {
            LocalDate quarterEnd = month.atEndOfMonth();
            if (month.getMonthValue() % 3 == 0 && quarterEnd.isBefore(start) && !quarterEnd.isBefore(first)) {
                history.add(new Observed(quarterEnd, total(children, quarterEnd)));
            }
        }
        history.add(new Observed(start, total(children, start)));
        history.sort(Comparator.comparing(Observed::on));
        return List.copyOf(history);
    }

    private static long total(Map<String, List<Spell>> children, LocalDate on) {
        return Math.round(Arrays.stream(StockFlowModel.stock(children, on)).sum());
    }

    private static void addCohortExits(Rates rates, double[] stock, int category, int exit, int children) {
        if (children <= 0) {
            return;
        }
        double cohort = 0;
        for (int age = 0; age < StockFlowModel.AGES.size(); age++) {
            cohort += stock[StockFlowModel.state(age, category)];
        }
        if (cohort == 0) {
            return;
        }
        double perDay = Math.min(children, cohort) / 365.0 / cohort;
        for (int age = 0; age < StockFlowModel.AGES.size(); age++) {
            rates.exit()[StockFlowModel.state(age, category)][exit] += perDay;
        }
    }

    private static Point point(Day d, double spend) {
        Map<PlacementCategory, Double> byCategory = new LinkedHashMap<>();
        Map<String, Double> byAge = new LinkedHashMap<>();
        Map<String, Double> fostering = new LinkedHashMap<>();
        for (int age = 0; age < StockFlowModel.AGES.size(); age++) {
            for (int c = 0; c < StockFlowModel.CATEGORIES.size(); c++) {
                double n = d.stock()[StockFlowModel.state(age, c)];
                byCategory.merge(StockFlowModel.CATEGORIES.get(c), n, Double::sum);
                byAge.merge(StockFlowModel.AGES.get(age), n, Double::sum);
                if (c == 1 || c == 2) {
                    fostering.merge(StockFlowModel.AGES.get(age), n, Double::sum);
                }
            }
        }
        Map<String, Double> exits = new LinkedHashMap<>();
        for (int o = 0; o < StockFlowModel.EXITS.size(); o++) {
            exits.put(StockFlowModel.EXITS.get(o), d.exitsSoFar()[o]);
        }
        double sd = d.sd();
        return new Point(
                d.on(),
                d.total(),
                Math.max(0, d.total() - 2 * sd),
                d.total() + 2 * sd,
                byCategory,
                byAge,
                exits,
                spend,
                fostering);
    }

    /**
     * A weekly cost per category (index [category][0]), blending own, external and family
     * providers by their share among the children in that category on the start date.
     */
    private double[][] costs(Map<String, List<Spell>> children, LocalDate on) {
        Map<PlacementCategory, Map<String, Double>> weekly = new LinkedHashMap<>();
        jdbc.sql("SELECT category, provider_group, weekly_cost FROM sufficiency.weekly_cost")
                .query((rs, n) -> weekly.computeIfAbsent(
                                PlacementCategory.stored(rs.getString(1)), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getDouble(3)))
                .list();
        Map<PlacementCategory, Map<String, Long>> shares = new HashMap<>();
        jdbc.sql("""
                        SELECT placement, CASE WHEN provider = 'PR1' THEN 'own' WHEN provider = 'PR0' THEN 'family' ELSE 'external' END,
                               count(*) FROM sufficiency.episode
                        WHERE started_on <= ? AND (ended_on IS NULL OR ended_on > ?) GROUP BY 1, 2""")
                .params(on, on)
                .query((rs, n) -> shares.computeIfAbsent(PlacementCategory.of903(rs.getString(1)), k -> new HashMap<>())
                        .merge(rs.getString(2), rs.getLong(3), Long::sum))
                .list();
        double[][] costs = new double[StockFlowModel.CATEGORIES.size()][1];
        for (int c = 0; c < StockFlowModel.CATEGORIES.size(); c++) {
            PlacementCategory category = StockFlowModel.CATEGORIES.get(c);
            Map<String, Double> w = weekly.getOrDefault(category, Map.of());
            Map<String, Long> share = shares.getOrDefault(category, Map.of());
            long total = share.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                costs[c][0] = w.getOrDefault("external", 0.0);
            } else {
                double blended = 0;
                for (Map.Entry<String, Long> e : share.entrySet()) {
                    blended += w.getOrDefault(e.getKey(), 0.0) * e.getValue() / total;
                }
                costs[c][0] = blended;
            }
        }
        return costs;
    }

    private Map<String, List<Spell>> spells() {
        Map<String, List<Spell>> children = new HashMap<>();
        jdbc.sql("""
                        SELECT e.child_id, c.born_on, e.started_on, e.ended_on, e.placement, e.reason_ended
                        FROM sufficiency.episode e JOIN sufficiency.child c ON c.child_id = e.child_id
                        ORDER BY e.child_id, e.started_on""")
                .query((rs, n) -> children.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Spell(
                                rs.getString(1),
                                rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class),
                                rs.getString(5),
                                rs.getString(6))))
                .list();
        return children;
    }
}
