package org.earlyhelp.sufficiency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Day;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Rates;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Spell;
import org.junit.jupiter.api.Test;

/** The stock-flow model against cases whose answers are known in closed form. */
class StockFlowModelTests {

    private static final int FOSTERING_10_15 = StockFlowModel.state(3, 2);

    @Test
    void ratesAreMovesDividedByDaysInTheState() {
        // 10 children aged 12 in fostering all year; 2 of them leave by SGO on 1 July.
        LocalDate from = LocalDate.of(2021, 1, 1);
        LocalDate to = LocalDate.of(2021, 12, 31);
        Map<String, List<Spell>> children = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            LocalDate end = i < 2 ? LocalDate.of(2021, 7, 1) : null;
            children.put(
                    "c" + i,
                    new ArrayList<>(List.of(new Spell(
                            "c" + i,
                            LocalDate.of(2009, 1, 1),
                            LocalDate.of(2020, 1, 1),
                            end,
                            "U4",
                            end == null ? null : "E45"))));
        }
        Rates rates = StockFlowModel.measure(children, from, to);
        // A day in the state is counted for each daily step taken from it: 365 steps for those who
        // stay, 182 (31 December to 1 July) for those who leave.
        double exposure = 8 * 365 + 2 * 182;
        assertThat(rates.exposureDays()[FOSTERING_10_15]).isEqualTo(exposure);
        assertThat(rates.exit()[FOSTERING_10_15][1]).isCloseTo(2 / exposure, within(1e-12));
        assertThat(rates.exit()[FOSTERING_10_15][0]).isZero();
        assertThat(StockFlowModel.stock(children, to)[FOSTERING_10_15]).isEqualTo(8);
    }

    @Test
    void theProjectionMatchesTheClosedForm() {
        // One state, leaving at rate p a day, entries lambda a day: E[N_t] = N0 q^t + lambda (1 - q^t) / p.
        int states = StockFlowModel.STATES;
        double p = 0.002;
        double lambda = 0.3;
        double[][] move = new double[states][states];
        double[][] exit = new double[states][StockFlowModel.EXITS.size()];
        double[] entry = new double[states];
        exit[FOSTERING_10_15][0] = p;
        entry[FOSTERING_10_15] = lambda;
        Rates rates = new Rates(move, exit, entry, new double[states], LocalDate.now(), LocalDate.now());
        double[] start = new double[states];
        start[FOSTERING_10_15] = 100;
        List<Day> days = StockFlowModel.project(rates, start, LocalDate.of(2022, 1, 1), 730);
        double q = 1 - p;
        double expected = 100 * Math.pow(q, 730) + lambda * (1 - Math.pow(q, 730)) / p;
        assertThat(days.getLast().total()).isCloseTo(expected, within(1e-6));
        double left = 100 + lambda * 730 - days.getLast().total();
        assertThat(days.getLast().exitsSoFar()[0])
                .as("children are neither lost nor made")
                .isCloseTo(left, within(1e-6));
        assertThat(days.getLast().sd()).isPositive();
    }

    @Test
    void theBandMatchesTheClosedFormAtEveryHorizon() {
        // Each child leaves with probability p a day, lambda enter a day (Poisson): N_t is the
        // N0 starters still in care, Binomial(N0, q^t), plus the entrants still in care, Poisson
        // with mean lambda (1 - q^t) / p. So Var N_t = N0 q^t (1 - q^t) + lambda (1 - q^t) / p.
        int states = StockFlowModel.STATES;
        double p = 0.002;
        double lambda = 0.3;
        double n0 = 100;
        double[][] exit = new double[states][StockFlowModel.EXITS.size()];
        double[] entry = new double[states];
        exit[FOSTERING_10_15][0] = p;
        entry[FOSTERING_10_15] = lambda;
        Rates rates = new Rates(
                new double[states][states], exit, entry, new double[states], LocalDate.now(), LocalDate.now());
        double[] start = new double[states];
        start[FOSTERING_10_15] = n0;
        List<Day> days = StockFlowModel.project(rates, 365, rates, start, LocalDate.of(2022, 1, 1), 1096);
        double q = 1 - p;
        for (int t : new int[] {0, 1, 30, 364, 365, 366, 730, 1096}) {
            double qt = Math.pow(q, t);
            double mean = n0 * qt + lambda * (1 - qt) / p;
            double variance = n0 * qt * (1 - qt) + lambda * (1 - qt) / p;
            assertThat(days.get(t).total()).as("mean on day %d", t).isCloseTo(mean, within(1e-9 * mean));
            assertThat(days.get(t).sd())
                    .as("standard deviation on day %d", t)
                    .isCloseTo(Math.sqrt(variance), within(1e-9 * Math.sqrt(variance) + 1e-12));
        }
    }

    @Test
    void aChildMovingBetweenStatesLeavesTheTotalsSpreadUnchanged() {
        // 50 children start in A; each day a child in A moves to B with probability m or leaves with
        // probability x; a child in B leaves with probability y. Still in care on day t: in A with
        // a^t (a = 1 - m - x), in B with m (a^t - b^t) / (a - b) (b = 1 - y); each child
        // independently, so the total is Binomial(50, a^t + that) and its variance n pi (1 - pi).
        // Summing the two states' variances instead would be too wide.
        int states = StockFlowModel.STATES;
        int stateA = StockFlowModel.state(3, 1);
        int stateB = StockFlowModel.state(3, 2);
        double m = 0.01;
        double x = 0.002;
        double y = 0.004;
        double[][] move = new double[states][states];
        double[][] exit = new double[states][StockFlowModel.EXITS.size()];
        move[stateA][stateB] = m;
        exit[stateA][0] = x;
        exit[stateB][1] = y;
        Rates rates = new Rates(move, exit, new double[states], new double[states], LocalDate.now(), LocalDate.now());
        double[] start = new double[states];
        start[stateA] = 50;
        List<Day> days = StockFlowModel.project(rates, start, LocalDate.of(2022, 1, 1), 1000);
        double a = 1 - m - x;
        double b = 1 - y;
        for (int t : new int[] {1, 10, 100, 365, 1000}) {
            double inA = Math.pow(a, t);
            double inB = m * (Math.pow(a, t) - Math.pow(b, t)) / (a - b);
            double pi = inA + inB;
            Day day = days.get(t);
            assertThat(day.stock()[stateA]).isCloseTo(50 * inA, within(1e-9));
            assertThat(day.stock()[stateB]).isCloseTo(50 * inB, within(1e-9));
            assertThat(day.variance()[stateA]).isCloseTo(50 * inA * (1 - inA), within(1e-9));
            assertThat(day.variance()[stateB]).isCloseTo(50 * inB * (1 - inB), within(1e-9));
            assertThat(day.sd()).as("day %d", t).isCloseTo(Math.sqrt(50 * pi * (1 - pi)), within(1e-9));
        }
    }

    @Test
    void aLongProjectionWhoseRatesChangeMatchesEachChildsOwnChances() {
        // Every state, random moves, exits and entries; the rates change after a year. Checked by a
        // different route: each child's chance of still being in care (worked backwards from the
        // horizon), each starter a Bernoulli trial and each day's entrants Poisson.
        int states = StockFlowModel.STATES;
        Random random = new Random(20261202L);
        Rates first = randomRates(random);
        Rates then = randomRates(random);
        double[] start = new double[states];
        for (int s = 0; s < states; s++) {
            start[s] = random.nextInt(30);
        }
        int switchAfter = 365;
        int horizon = 1096;
        List<Day> days = StockFlowModel.project(first, switchAfter, then, start, LocalDate.of(2021, 4, 1), horizon);
        for (int t : new int[] {1, 90, 365, 366, 400, 730, 1096}) {
            double[] stillIn = new double[states];
            Arrays.fill(stillIn, 1);
            double entrants = 0;
            for (int k = t; k >= 1; k--) {
                Rates r = k <= switchAfter ? first : then;
                for (int s = 0; s < states; s++) {
                    entrants += r.entry()[s] * stillIn[s];
                }
                stillIn = stepBack(r, stillIn);
            }
            double mean = entrants;
            double variance = entrants;
            for (int s = 0; s < states; s++) {
                mean += start[s] * stillIn[s];
                variance += start[s] * stillIn[s] * (1 - stillIn[s]);
            }
            Day day = days.get(t);
            assertThat(day.total()).as("mean on day %d", t).isCloseTo(mean, within(1e-7 * mean));
            assertThat(day.sd())
                    .as("standard deviation on day %d", t)
                    .isCloseTo(Math.sqrt(variance), within(1e-7 * Math.sqrt(variance)));
        }
        assertThat(days.get(366).sd())
                .as("the band carries on across the change of rates")
                .isGreaterThan(0.9 * days.get(365).sd());
    }

    /** The chance of still being in care tomorrow's way: u(s) = sum over t of P(s, t) v(t). */
    private static double[] stepBack(Rates r, double[] v) {
        int states = StockFlowModel.STATES;
        double[] u = new double[states];
        for (int s = 0; s < states; s++) {
            double out = 0;
            for (int t = 0; t < states; t++) {
                u[s] += r.move()[s][t] * v[t];
                out += r.move()[s][t];
            }
            for (int o = 0; o < StockFlowModel.EXITS.size(); o++) {
                out += r.exit()[s][o];
            }
            u[s] += (1 - out) * v[s];
        }
        return u;
    }

    private static Rates randomRates(Random random) {
        int states = StockFlowModel.STATES;
        double[][] move = new double[states][states];
        double[][] exit = new double[states][StockFlowModel.EXITS.size()];
        double[] entry = new double[states];
        for (int s = 0; s < states; s++) {
            for (int k = 0; k < 3; k++) {
                int t = random.nextInt(states);
                if (t != s) {
                    move[s][t] += random.nextDouble() * 0.004;
                }
            }
            exit[s][random.nextInt(StockFlowModel.EXITS.size())] = random.nextDouble() * 0.003;
            entry[s] = random.nextDouble() * 0.05;
        }
        return new Rates(move, exit, entry, new double[states], LocalDate.now(), LocalDate.now());
    }

    @Test
    void exitRoutesAreDecidedInTheDocumentedOrder() {
        LocalDate born = LocalDate.of(2002, 1, 1);
        LocalDate adult = LocalDate.of(2020, 6, 1);
        LocalDate child = LocalDate.of(2015, 6, 1);
        assertThat(StockFlowModel.exitRoute("E4A", born, adult))
                .as("a reason code decides before age: an 18-year-old who went home went home")
                .isZero();
        assertThat(StockFlowModel.exitRoute("E45", born, adult)).isEqualTo(1);
        assertThat(StockFlowModel.exitRoute("E11", born, adult)).isEqualTo(2);
        assertThat(StockFlowModel.exitRoute("E7", born, child)).isEqualTo(3);
        assertThat(StockFlowModel.exitRoute("E15", born, adult)).isEqualTo(3);
        assertThat(StockFlowModel.exitRoute("E15", born, child)).isEqualTo(4);
    }

    @Test
    void validRatesNeverLetMoreThanEveryoneLeave() {
        int states = StockFlowModel.STATES;
        double[][] move = new double[states][states];
        double[][] exit = new double[states][StockFlowModel.EXITS.size()];
        move[0][1] = 0.8;
        exit[0][0] = 0.6;
        Rates rates = new Rates(move, exit, new double[states], new double[states], LocalDate.now(), LocalDate.now());
        rates.keepValid();
        assertThat(rates.move()[0][1] + rates.exit()[0][0]).isCloseTo(1.0, within(1e-12));
    }
}
