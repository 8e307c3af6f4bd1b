package org.earlyhelp.insight;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.earlyhelp.insight.internal.PerformanceQueries;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early help's performance month by month, for one hub or the whole borough: decisions and their
 * timeliness, assessments on time, cases open at each month's end, re-referrals, step-ups and
 * step-downs, outcomes and whether they held. Counts only, never names: for the board pack.
 */
@Service
@Transactional(readOnly = true)
public class MonthlyPerformance {

    /** At most this many months at once. */
    public static final int MOST_MONTHS = 36;

    private final PerformanceQueries queries;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    MonthlyPerformance(PerformanceQueries queries, CurrentUsers currentUsers, Clock clock) {
        this.queries = queries;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * The months from {@code from} to {@code to}, oldest first. Decisions count in the month they
     * were made, requests in the month they came, assessments in the month they were due (one due
     * later than today is not yet late), closures in the month of closing. A closure with every need
     * met "held" when the family did not ask for help again within six months; that is known only
     * for months that ended six months ago or more.
     *
     * @param hub one hub, or {@code null} for the borough
     */
    public List<PerformanceMonth> months(@Nullable HubId hub, YearMonth from, YearMonth to) {
        currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        if (to.isBefore(from) || from.plusMonths(MOST_MONTHS).isBefore(to.plusMonths(1))) {
            throw new ValidationException(
                    Map.of("month", new Message("insight.performance.problem.span", MOST_MONTHS)));
        }
        return queries.months(hub, from, to, WorkingCalendar.today(clock));
    }
}
