package org.earlyhelp.hubs;

import java.util.List;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.internal.MemberRepository;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works in each hub: practitioners and their capacity, the hub lead and the safeguarding
 * lead. People who work in a hub see its team; its hub lead and administrators change capacity.
 */
@Service
@Transactional(readOnly = true)
public class HubTeams {

    /** Largest number of cases one person may be set to lead. */
    public static final int MAX_CAPACITY = 60;

    private final MemberRepository members;
    private final CurrentUsers currentUsers;

    private final AuditTrail audit;

    HubTeams(MemberRepository members, CurrentUsers currentUsers, AuditTrail audit) {
        this.members = members;
        this.audit = audit;
        this.currentUsers = currentUsers;
    }

    /** The hub's team, hub leads first. Only for people who work in the hub, and administrators. */
    public List<HubMember> team(HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.PRACTITIONER, Role.ADMIN);
        if (!user.worksIn(hub)) {
            throw new AccessDeniedException("You do not work in this hub");
        }
        return members.findByHub(hub);
    }

    /**
     * The hub's safeguarding leads, for raising alerts. Names and user names only: any module may
     * ask, including listeners that run without a signed-in person.
     */
    public List<HubMember> safeguardingLeads(HubId hub) {
        return members.findByHub(hub).stream()
                .filter(HubMember::safeguardingLead)
                .toList();
    }

    /** Changes how many cases a member can lead; refuses over someone else's change. */
    @Transactional
    public void setCapacity(HubMember member, int capacity) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        if (!user.worksIn(member.hub())) {
            throw new AccessDeniedException("You do not lead this hub");
        }
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("Capacity must be between 0 and " + MAX_CAPACITY + " cases.");
        }
        if (!members.setCapacity(member.hub(), member.username(), capacity, member.version())) {
            throw new ChangedBySomeoneElseException(member.displayName() + "'s capacity");
        }
        audit.record(
                "change-capacity",
                "hub-member",
                member.hub() + "/" + member.username(),
                member.hub(),
                null,
                "capacity " + member.capacity() + " -> " + capacity);
    }
}
