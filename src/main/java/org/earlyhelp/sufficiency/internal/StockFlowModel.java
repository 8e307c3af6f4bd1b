package org.earlyhelp.sufficiency.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.sufficiency.PlacementCategory;

/**
 * The Markov stock-flow model of the open demand models (Data to Insight, Social Finance), with
 * exit routes as separate outcomes: each child in care is in a state of age band x placement
 * category; daily rates of moving between states and of leaving by each route are measured over
 * a reference period (moves divided by the days children spent in the state); entries are a
 * Poisson mean per day per state; the expected stock is projected a day at a time, with a
 * variance from binomial thinning plus Poisson entries (covariance between states ignored), so a
 * band of plus or minus two standard deviations.
 */
public final class StockFlowModel {

    /** Age bands. */
    public static final List<String> AGES = List.of("Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over");

    /** Placement categories, in the model's order (a state's category is its index here). */
    public static final List<PlacementCategory> CATEGORIES = List.of(PlacementCategory.values());

    /** How children leave care. */
    public static final List<String> EXITS =
            List.of("Return home or to family", "Special guardianship order", "Adoption", "18 and over", "Other");

    public static final int STATES = AGES.size() * CATEGORIES.size();

    /** A child's episode, as the model needs it. */
    public record Spell(
            String child, LocalDate born, LocalDate start, LocalDate end, String placement, String reasonEnded) {}

    /** Measured rates. */
    public record Rates(
            double[][] move, double[][] exit, double[] entry, double[] exposureDays, LocalDate from, LocalDate to) {

        public Rates copy() {
            double[][] m = new double[STATES][];
            double[][] x = new double[STATES][];
            for (int s = 0; s < STATES; s++) {
                m[s] = move[s].clone();
                x[s] = exit[s].clone();
            }
            return new Rates(m, x, entry.clone(), exposureDays.clone(), from, to);
        }

        /** Keeps every state's total daily outflow at most one (a valid probability). */
        public void keepValid() {
            for (int s = 0; s < STATES; s++) {
                double out = 0;
                for (int t = 0; t < STATES; t++) {
                    move[s][t] = Math.max(0, move[s][t]);
                    out += move[s][t];
                }
                for (int o = 0; o < EXITS.size(); o++) {
                    exit[s][o] = Math.max(0, exit[s][o]);
                    out += exit[s][o];
                }
                if (out > 1) {
                    for (int t = 0; t < STATES; t++) {
                        move[s][t] /= out;
                    }
                    for (int o = 0; o < EXITS.size(); o++) {
                        exit[s][o] /= out;
                    }
                }
                entry[s] = Math.max(0, entry[s]);
            }
        }
    }

    /** One day of a projection. */
    /**
     * The projection on one day: the expected stock in each state, each state's variance, the
     * variance of the total (covariances between states included) and the expected exits so far.
     */
    public record Day(LocalDate on, double[] stock, double[] variance, double totalVariance, double[] exitsSoFar) {

        public double total() {
            double t = 0;
            for (double v : stock) {
                t += v;
            }
            return t;
        }

        /** The standard deviation of the total in care. */
        public double sd() {
            return Math.sqrt(Math.max(0, totalVariance));
        }
    }

    private StockFlowModel() {}

    public static int state(int age, int category) {
        return age * CATEGORIES.size() + category;
    }

    public static int age(LocalDate born, LocalDate on) {
        int years = Period.between(born, on).getYears();
        return years < 1 ? 0 : years < 5 ? 1 : years < 10 ? 2 : years < 16 ? 3 : 4;
    }

    public static int category(String placement) {
        return PlacementCategory.of903(placement).ordinal();
    }

    /**
     * The route a child left care by, in the order {@code docs/sufficiency.md} gives: the reason
     * code first (special guardianship, adoption, return home or to family, then E7 or E17 as 18
     * and over); a child of 18 or over whose reason is none of those left at 18 and over; any
     * other reason is Other.
     */
    static int exitRoute(String reasonEnded, LocalDate born, LocalDate on) {
        String r = reasonEnded == null ? "" : reasonEnded.toUpperCase();
        if (Set.of("E43", "E44", "E45", "E46", "E47", "E48").contains(r)) {
            return 1;
        }
        if (Set.of("E11", "E12").contains(r)) {
            return 2;
        }
        if (Set.of("E4A", "E4B", "E41", "E13").contains(r)) {
            return 0;
        }
        if (Set.of("E7", "E17").contains(r) || Period.between(born, on).getYears() >= 18) {
            return 3;
        }
        return 4;
    }

    /**
     * The state each child is in on a day, or -1 out of care. Spells are a child's episodes, in
     * care from start until the day before end (end null: still in care).
     */
    static int stateOn(List<Spell> spells, LocalDate day) {
        for (Spell s : spells) {
            if (!day.isBefore(s.start()) && (s.end() == null || day.isBefore(s.end()))) {
                return state(age(s.born(), day), category(s.placement()));
            }
        }
        return -1;
    }

    /** Measures the rates over [from, to] from each child's spells. */
    public static Rates measure(Map<String, List<Spell>> children, LocalDate from, LocalDate to) {
        double[][] moves = new double[STATES][STATES];
        double[][] exits = new double[STATES][EXITS.size()];
        double[] entries = new double[STATES];
        double[] exposure = new double[STATES];
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        for (List<Spell> spells : children.values()) {
            LocalDate first =
                    spells.stream().map(Spell::start).min(LocalDate::compareTo).orElse(from);
            LocalDate last = spells.stream()
                    .map(s -> s.end() == null ? to.plusDays(1) : s.end())
                    .max(LocalDate::compareTo)
                    .orElse(to);
            if (last.isBefore(from) || first.isAfter(to)) {
                continue;
            }
            int previous = stateOn(spells, from.minusDays(1));
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                int now = stateOn(spells, d);
                if (previous >= 0) {
                    exposure[previous]++;
                    if (now < 0) {
                        LocalDate day = d;
                        Spell ended = spells.stream()
                                .filter(s -> s.end() != null && s.end().equals(day))
                                .findFirst()
                                .orElse(spells.getLast());
                        exits[previous][exitRoute(ended.reasonEnded(), ended.born(), d)]++;
                    } else if (now != previous) {
                        moves[previous][now]++;
                    }
                } else if (now >= 0) {
                    entries[now]++;
                }
                previous = now;
            }
        }
        for (int s = 0; s < STATES; s++) {
            for (int t = 0; t < STATES; t++) {
                moves[s][t] = exposure[s] == 0 ? 0 : moves[s][t] / exposure[s];
            }
            for (int o = 0; o < EXITS.size(); o++) {
                exits[s][o] = exposure[s] == 0 ? 0 : exits[s][o] / exposure[s];
            }
            entries[s] = entries[s] / days;
        }
        return new Rates(moves, exits, entries, exposure, from, to);
    }

    /** The stock on a day: how many children are in each state. */
    public static double[] stock(Map<String, List<Spell>> children, LocalDate on) {
        double[] stock = new double[STATES];
        for (List<Spell> spells : children.values()) {
            int s = stateOn(spells, on);
            if (s >= 0) {
                stock[s]++;
            }
        }
        return stock;
    }

    /** Projects the stock a day at a time from {@code start} for {@code days} days. */
    public static List<Day> project(Rates rates, double[] start, LocalDate from, int days) {
        return project(rates, days, rates, start, from, days);
    }

    /**
     * Projects the stock a day at a time from {@code start} (known exactly) for {@code days} days,
     * with {@code first} rates for the first {@code firstDays} days and {@code then} after.
     *
     * <p>Each child moves independently (a multinomial step from their state), and entries are
     * Poisson, so with P the daily transition matrix (staying on its diagonal), n the expected
     * stock and C its covariance: n' = P'n + entries and C' = P'CP + sum over states s of
     * n_s (diag(P_s) - P_s P_s') + diag(entries). The band's variance is the sum of C, so it
     * carries on across the change of rates and counts how children moving between states leave
     * the total unchanged.
     */
    public static List<Day> project(Rates first, int firstDays, Rates then, double[] start, LocalDate from, int days) {
        List<Day> out = new ArrayList<>(days + 1);
        double[] n = start.clone();
        double[][] cov = new double[STATES][STATES];
        double[] exited = new double[EXITS.size()];
        out.add(day(from, n, cov, exited));
        Transitions p = null;
        for (int d = 1; d <= days; d++) {
            Rates rates = d <= firstDays ? first : then;
            if (p == null || p.rates != rates) {
                p = new Transitions(rates);
            }
            double[] next = new double[STATES];
            // A = C P, then C' = P' A: each row of P has few non-zero entries.
            double[][] a = new double[STATES][STATES];
            for (int s = 0; s < STATES; s++) {
                int[] to = p.to[s];
                double[] pr = p.p[s];
                for (int k = 0; k < to.length; k++) {
                    next[to[k]] += n[s] * pr[k];
                    for (int i = 0; i < STATES; i++) {
                        a[i][to[k]] += cov[i][s] * pr[k];
                    }
                }
                for (int o = 0; o < EXITS.size(); o++) {
                    exited[o] += n[s] * rates.exit()[s][o];
                }
            }
            double[][] c = new double[STATES][STATES];
            for (int s = 0; s < STATES; s++) {
                int[] to = p.to[s];
                double[] pr = p.p[s];
                for (int k = 0; k < to.length; k++) {
                    double[] row = c[to[k]];
                    double[] aRow = a[s];
                    for (int j = 0; j < STATES; j++) {
                        row[j] += pr[k] * aRow[j];
                    }
                    // The multinomial step's own spread, from the children in state s.
                    for (int l = 0; l < to.length; l++) {
                        c[to[k]][to[l]] += n[s] * ((k == l ? pr[k] : 0) - pr[k] * pr[l]);
                    }
                }
            }
            for (int s = 0; s < STATES; s++) {
                next[s] += rates.entry()[s];
                c[s][s] += rates.entry()[s];
            }
            n = next;
            cov = c;
            out.add(day(from.plusDays(d), n, cov, exited));
        }
        return out;
    }

    private static Day day(LocalDate on, double[] n, double[][] cov, double[] exited) {
        double[] variance = new double[STATES];
        double total = 0;
        for (int s = 0; s < STATES; s++) {
            variance[s] = cov[s][s];
            for (int t = 0; t < STATES; t++) {
                total += cov[s][t];
            }
        }
        return new Day(on, n.clone(), variance, total, exited.clone());
    }

    /** The daily transition matrix's non-zero entries by row, staying included. */
    private static final class Transitions {
        final Rates rates;
        final int[][] to = new int[STATES][];
        final double[][] p = new double[STATES][];

        Transitions(Rates rates) {
            this.rates = rates;
            for (int s = 0; s < STATES; s++) {
                double[] row = new double[STATES];
                double stay = 1;
                for (int t = 0; t < STATES; t++) {
                    double m = rates.move()[s][t];
                    if (m > 0 && t != s) {
                        row[t] += m;
                        stay -= m;
                    }
                }
                for (int o = 0; o < EXITS.size(); o++) {
                    stay -= rates.exit()[s][o];
                }
                row[s] += Math.max(0, stay);
                int count = 0;
                for (double x : row) {
                    if (x > 0) {
                        count++;
                    }
                }
                to[s] = new int[count];
                p[s] = new double[count];
                int k = 0;
                for (int t = 0; t < STATES; t++) {
                    if (row[t] > 0) {
                        to[s][k] = t;
                        p[s][k++] = row[t];
                    }
                }
            }
        }
    }
}
