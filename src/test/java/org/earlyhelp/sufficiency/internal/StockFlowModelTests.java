package org.earlyhelp.sufficiency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
