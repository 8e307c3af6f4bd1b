package org.earlyhelp.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.earlyhelp.sufficiency.Forecasts.Scenario;
import org.junit.jupiter.api.Test;

/** The forecasts' rules on their own, at their edges: no Spring, no database. */
class ForecastChecksTests {

    static final LocalDate END = LocalDate.of(2026, 3, 31);

    @Test
    void aForecastRunsOneToFiveYearsOnNinetyDaysOrMoreWithInflationFromMinusTenToThirty() {
        assertThat(ForecastChecks.forecastProblems(END.minusDays(90), END, 1, -10))
                .isEmpty();
        assertThat(ForecastChecks.forecastProblems(END.minusDays(90), END, 5, 30))
                .isEmpty();
        assertThat(ForecastChecks.forecastProblems(END.minusDays(89), END, 0, 30.01))
                .containsOnlyKeys("years", "referenceFrom", "inflation");
        assertThat(ForecastChecks.forecastProblems(END, END, 6, -10.01))
                .containsOnlyKeys("years", "referenceFrom", "inflation")
                .extractingByKey("referenceFrom")
                .satisfies(m -> assertThat(m.key()).endsWith("reference-period-must-start-before"));
    }

    @Test
    void aBackTestForecastsForwardsAndItsReferencePeriodEndsByItsStart() {
        LocalDate from = LocalDate.of(2024, 3, 31);
        LocalDate to = LocalDate.of(2025, 3, 31);
        assertThat(ForecastChecks.backTestProblems(from, to, from.minusYears(1), from))
                .as("a reference period that ends on the day the back-test starts")
                .isEmpty();
        assertThat(ForecastChecks.backTestProblems(from, to, from.minusYears(1), from.plusDays(1)))
                .as("one day into what it forecasts")
                .containsOnlyKeys("backTestReference");
        assertThat(ForecastChecks.backTestProblems(to, from, from.minusDays(89), from))
                .containsOnlyKeys("backTest", "backTestReference");
    }

    @Test
    void aScenarioIsNamedKeepsItsFactorsInRangeAndAsksNoMoreThanACohortHolds() {
        Scenario fine = new Scenario(null, "x".repeat(80), 5, 10_000, 0, 5, 3, 2, 1);
        int[] cohorts = {3, 2};
        assertThat(ForecastChecks.scenarioProblems(fine, Optional.of(cohorts), Optional.of(END)))
                .isEmpty();
        Scenario tooMuch = new Scenario(null, "x".repeat(81), 5.01, -10_001, 0, 5, 4, 3, 1.01);
        assertThat(ForecastChecks.scenarioProblems(tooMuch, Optional.of(cohorts), Optional.of(END)))
                .containsOnlyKeys("name", "factors", "discharge", "sgo", "earlyHelp", "entries");
        assertThat(ForecastChecks.scenarioProblems(tooMuch, Optional.empty(), Optional.empty()))
                .as("no returns imported: no cohort to check against")
                .containsOnlyKeys("name", "factors", "earlyHelp", "entries");
        Scenario negative = new Scenario(null, "Fewer", 1, 0, 1, 1, -1, 0, 0);
        assertThat(ForecastChecks.scenarioProblems(negative, Optional.of(cohorts), Optional.of(END)))
                .containsOnlyKeys("numbers");
    }

    @Test
    void aScenarioAskingForMoreThanTheCohortIsNotedWithWhatTheForecastDoes() {
        Scenario sgo = new Scenario(null, "SGOs", 1, 0, 1, 1, 0, 5, 0);
        assertThat(ForecastChecks.cohortNotes(List.of(sgo), new int[] {0, 2}, END))
                .containsExactly("SGOs moves 5 family and friends placements to an SGO, but 2 are on 31 Mar 2026;"
                        + " the forecast moves 2.");
        assertThat(ForecastChecks.cohortNotes(List.of(sgo), new int[] {0, 5}, END))
                .isEmpty();
    }
}
