package org.earlyhelp.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.sufficiency.Forecasts.Observed;
import org.earlyhelp.sufficiency.Forecasts.Point;
import org.earlyhelp.sufficiency.Forecasts.Projection;
import org.earlyhelp.sufficiency.Forecasts.Scenario;
import org.earlyhelp.sufficiency.internal.StockFlowModel;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Day;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Rates;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Spell;

/**
 * The arithmetic of a forecast, on facts already read: a scenario applied to the measured rates
 * and projected with the stock-flow model, sampled at quarter ends with its band and spend; the
 * observed history; the strategy's cohorts; and the blended weekly costs. No database, no Spring.
 */
final class ForecastProjections {

    private ForecastProjections() {}

    /** The strategy's cohorts in a stock: children placed with parents, and in family and friends fostering. */
    static int[] cohorts(double[] stock) {
        int[] cohorts = new int[2];
        for (int age = 0; age < StockFlowModel.AGES.size(); age++) {
            cohorts[0] += (int) Math.round(stock[StockFlowModel.state(age, 0)]);
            cohorts[1] += (int) Math.round(stock[StockFlowModel.state(age, 1)]);
        }
        return cohorts;
    }

    static Projection project(
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
    static double[][] weeklyCosts(
            Map<PlacementCategory, Map<String, Double>> weekly, Map<PlacementCategory, Map<String, Long>> shares) {
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
}
