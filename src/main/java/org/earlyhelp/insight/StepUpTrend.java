package org.earlyhelp.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.earlyhelp.insight.internal.PerformanceQueries;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early help's step-ups to children's social care across the borough, the last 12 complete months
 * against the 12 before, from the dashboards' read model. Counts only, never names: commissioners
 * use the fall in step-ups as the share by which early help reduces entries into care in a
 * sufficiency scenario.
 */
@Service
@Transactional(readOnly = true)
public class StepUpTrend {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /**
     * Step-ups and closures in two 12-month periods ending with the last complete month.
     *
     * @param lastYearEnds the last month counted
     */
    public record StepUps(YearMonth lastYearEnds, int stepUpsLastYear, int stepUpsYearBefore, int closuresLastYear) {

        /**
         * The share by which step-ups fell (0 to 1), or empty when there were none the year before
         * to compare with. A rise gives 0: early help is not shown to be reducing entries.
         */
        public Optional<Double> fall() {
            if (stepUpsYearBefore == 0) {
                return Optional.empty();
            }
            return Optional.of(Math.max(0.0, (stepUpsYearBefore - stepUpsLastYear) / (double) stepUpsYearBefore));
        }
    }

    private final PerformanceQueries queries;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    StepUpTrend(PerformanceQueries queries, CurrentUsers currentUsers, Clock clock) {
        this.queries = queries;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    public StepUps lastTwoYears() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN, Role.HUB_LEAD);
        YearMonth last = YearMonth.from(LocalDate.now(clock.withZone(LONDON))).minusMonths(1);
        LocalDate lastStart = last.minusMonths(11).atDay(1);
        LocalDate beforeStart = last.minusMonths(23).atDay(1);
        LocalDate end = last.plusMonths(1).atDay(1);
        return queries.stepUps(last, beforeStart, lastStart, end);
    }
}
