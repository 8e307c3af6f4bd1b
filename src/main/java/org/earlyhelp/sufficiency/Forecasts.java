package org.earlyhelp.sufficiency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.earlyhelp.sufficiency.internal.ForecastRepository;
import org.earlyhelp.sufficiency.internal.StockFlowModel;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Day;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Rates;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Spell;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forecasts of children in care for commissioners: the stock-flow model measured over a
 * reference period and projected up to five years, with exit routes as separate outcomes;
 * named scenarios (multipliers and additions, and the strategy's ready-made ones); cost per
 * scenario with inflation; the gap between forecast need and supply; and a back-test. The
 * arithmetic is in {@link ForecastProjections}; the foster carers' register in {@link FosterCarers}.
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

    private final ForecastRepository repository;
    private final Whereabouts whereabouts;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;
    private final PlacementSupply placementSupply;

    Forecasts(
            ForecastRepository repository,
            CurrentUsers currentUsers,
            AuditTrail audit,
            Whereabouts whereabouts,
            Clock clock,
            PlacementSupply placementSupply) {
        this.placementSupply = placementSupply;
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.whereabouts = whereabouts;
        this.clock = clock;
    }

    /** The last day the returns cover, if any are imported. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> dataEnd() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return repository.dataEnd();
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
        ForecastChecks.refuseProblems(
                ForecastChecks.forecastProblems(referenceFrom, referenceTo, years, inflationPercent));
        Map<String, List<Spell>> children = repository.spells();
        Rates rates = StockFlowModel.measure(children, referenceFrom, referenceTo);
        LocalDate start = referenceTo;
        double[] stock = StockFlowModel.stock(children, start);
        double[][] costs = ForecastProjections.weeklyCosts(repository.weeklyCosts(), repository.providerGroups(start));
        List<Projection> projections = new ArrayList<>();
        List<Scenario> all = new ArrayList<>();
        all.add(Scenario.base());
        all.addAll(scenarios);
        for (Scenario scenario : all) {
            projections.add(ForecastProjections.project(scenario, rates, stock, start, years, costs, inflationPercent));
        }
        double entries = 0;
        for (double e : rates.entry()) {
            entries += e * 365.25;
        }
        List<String> notes = ForecastChecks.cohortNotes(scenarios, ForecastProjections.cohorts(stock), start);
        return new Forecast(
                referenceFrom,
                referenceTo,
                start,
                years,
                entries,
                projections,
                notes,
                ForecastProjections.history(children, start));
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
        for (ForecastRepository.PostcodePlaces p : repository.providerPlacesByPostcode()) {
            places.merge(
                    PostcodeSectors.sectorOf(p.postcode())
                            .map(lookup::get)
                            .map(sector -> sector.hubName().orElse(Whereabouts.NO_HUB))
                            .orElse(OUTSIDE_OR_UNKNOWN),
                    p.places(),
                    Long::sum);
        }
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
        ForecastChecks.refuseProblems(ForecastChecks.backTestProblems(from, to, referenceFrom, referenceTo));
        Map<String, List<Spell>> children = repository.spells();
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
        return repository.scenarios();
    }

    /** Saves a named scenario; commissioners. */
    @Transactional
    public UUID save(Scenario s) {
        CurrentUser user = currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Optional<LocalDate> start = defaultReferenceEnd();
        Optional<int[]> cohorts =
                start.map(on -> ForecastProjections.cohorts(StockFlowModel.stock(repository.spells(), on)));
        ForecastChecks.refuseProblems(ForecastChecks.scenarioProblems(s, cohorts, start));
        UUID id = UUID.randomUUID();
        try {
            repository.insertScenario(id, s, user.username(), clock.instant());
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
        repository.deleteScenario(scenario);
        audit.record(AuditAction.DELETE, "scenario", scenario.toString(), null, null, null);
    }
}
