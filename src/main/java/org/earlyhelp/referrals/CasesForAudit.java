package org.earlyhelp.referrals;

import java.time.YearMonth;
import java.util.List;
import org.earlyhelp.referrals.internal.AuditCandidates;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the quality module may know of a hub's cases to draw a month's case file audit sample:
 * ids, leads and teams, never a family. Administrators draw the sample.
 */
@Service
public class CasesForAudit {

    private final AuditCandidates candidates;
    private final CurrentUsers currentUsers;

    CasesForAudit(AuditCandidates candidates, CurrentUsers currentUsers) {
        this.candidates = candidates;
        this.currentUsers = currentUsers;
    }

    /**
     * The hub's cases open at some time in the month (in London), including those closed in it,
     * in a fixed order; families whose consent was withdrawn are left out.
     */
    @Transactional(readOnly = true)
    public List<CaseForAudit> inMonth(HubId hub, YearMonth month) {
        currentUsers.requireAnyOf(Role.ADMIN);
        return candidates.openBetween(
                hub,
                month.atDay(1).atStartOfDay(WorkingCalendar.LONDON).toInstant(),
                month.plusMonths(1)
                        .atDay(1)
                        .atStartOfDay(WorkingCalendar.LONDON)
                        .toInstant());
    }
}
