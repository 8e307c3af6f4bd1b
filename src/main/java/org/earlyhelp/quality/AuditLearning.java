package org.earlyhelp.quality;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.earlyhelp.quality.LearningFigures.Learning;
import org.earlyhelp.quality.internal.LearningQueries;
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
 * What the partnership learns from its moderated case file audits ({@link LearningFigures}), for
 * a span of months, the whole borough or one hub. Figures only, no family: hub leads (of any hub,
 * to compare) and administrators.
 */
@Service
public class AuditLearning {

    /** The longest span of months one page shows. */
    public static final int MOST_MONTHS = 36;

    private final LearningQueries queries;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    AuditLearning(LearningQueries queries, CurrentUsers currentUsers, Clock clock) {
        this.queries = queries;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Learning learning(YearMonth from, YearMonth to, @Nullable HubId hub) {
        currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        if (to.isBefore(from)) {
            throw new ValidationException(Map.of("to", new Message("quality.learning.problem.order")));
        }
        if (from.plusMonths(MOST_MONTHS).isBefore(to.plusMonths(1))) {
            throw new ValidationException(Map.of("to", new Message("quality.learning.problem.span", MOST_MONTHS)));
        }
        return LearningFigures.of(
                queries.grades(from, to, hub), queries.actions(from, to, hub), WorkingCalendar.today(clock));
    }
}
