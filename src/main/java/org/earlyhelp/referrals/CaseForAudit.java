package org.earlyhelp.referrals;

import java.util.Set;
import org.earlyhelp.shared.HubId;

/**
 * A case that may be drawn for a month's case file audit: who leads it and who is on its team (so
 * that none of them audits it), and nothing of the family.
 *
 * @param caseId the case
 * @param hub the case's hub
 * @param lead the lead practitioner's user name
 * @param leadName the lead practitioner's name
 * @param team the user names of the team around the family
 * @param closed whether the case had closed by the end of the month
 */
public record CaseForAudit(CaseId caseId, HubId hub, String lead, String leadName, Set<String> team, boolean closed) {

    public CaseForAudit {
        team = Set.copyOf(team);
    }
}
