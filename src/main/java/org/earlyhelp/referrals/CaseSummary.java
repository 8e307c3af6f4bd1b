package org.earlyhelp.referrals;

import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * A case in someone's work list or a hub's drift list, with what is due.
 *
 * @param lead whether the person asking leads it (rather than being in the team)
 * @param due what is due or overdue, soonest first
 */
public record CaseSummary(
        CaseId id,
        FamilyId family,
        String familyLabel,
        HubId hub,
        String leadName,
        boolean lead,
        LocalDate allocatedOn,
        @Nullable LocalDate lastContact,
        List<Due> due) {

    /** One thing due on a case. */
    public record Due(String what, LocalDate on, boolean overdue) {}

    public boolean overdue() {
        return due.stream().anyMatch(Due::overdue);
    }
}
