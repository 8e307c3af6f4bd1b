package org.earlyhelp.referrals.internal;

import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a family's record. A hub lead sees their hub's families; a practitioner
 * sees a family's full record only where they lead its early help or are in the team around it;
 * once consent is withdrawn, only the lead practitioner and the hub lead. Administrators run the
 * system and do not read families' records.
 */
@Component
public class Access {

    private final CurrentUsers currentUsers;
    private final JourneyRepository journey;

    Access(CurrentUsers currentUsers, JourneyRepository journey) {
        this.currentUsers = currentUsers;
        this.journey = journey;
    }

    /** The signed-in practitioner or hub lead. */
    public CurrentUser worker() {
        return currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
    }

    /** The signed-in hub lead, of whichever hub. */
    public CurrentUser hubLead() {
        return currentUsers.requireAnyOf(Role.HUB_LEAD);
    }

    public CurrentUser hubLead(HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD);
        if (!leads(user, hub)) {
            throw new AccessDeniedException("You do not lead this hub");
        }
        return user;
    }

    public static boolean leads(CurrentUser user, HubId hub) {
        return user.has(Role.HUB_LEAD) && user.hubs().contains(hub);
    }

    /** Refuses unless the person may read the family's full record. */
    public void requireFamily(CurrentUser user, JourneyRepository.FamilyRow family) {
        if (leads(user, family.hub())) {
            return;
        }
        for (JourneyRepository.CaseRow c : journey.casesOfFamily(family.id())) {
            if (leads(user, c.hub())) {
                return;
            }
        }
        if (user.has(Role.PRACTITIONER) && journey.worksWithFamily(family.id(), user.username(), family.restricted())) {
            return;
        }
        throw new AccessDeniedException("You do not work with this family");
    }

    /** Refuses unless the person may read the case: its hub lead, its lead, or its team. */
    public void requireCase(CurrentUser user, JourneyRepository.CaseRow c) {
        if (leads(user, c.hub()) || c.lead().equals(user.username())) {
            return;
        }
        if (!c.restricted() && user.has(Role.PRACTITIONER) && journey.inTeam(c.id(), user.username())) {
            return;
        }
        throw new AccessDeniedException("You do not work with this family");
    }

    /** Refuses unless the person leads the case or its hub. */
    public void requireLead(CurrentUser user, JourneyRepository.CaseRow c) {
        if (leads(user, c.hub()) || c.lead().equals(user.username())) {
            return;
        }
        throw new AccessDeniedException("Only the lead practitioner or the hub lead can do this");
    }
}
