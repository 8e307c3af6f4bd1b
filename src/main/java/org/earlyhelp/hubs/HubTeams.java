package org.earlyhelp.hubs;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.internal.HubRepository;
import org.earlyhelp.hubs.internal.MemberRepository;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
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
    private final HubRepository organisations;

    HubTeams(MemberRepository members, CurrentUsers currentUsers, AuditTrail audit, HubRepository organisations) {
        this.organisations = organisations;
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
     * How many cases the hub's people can lead between them (every hub's, with no hub): a figure
     * for the board pack, without names.
     */
    public int capacity(@Nullable HubId hub) {
        currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        return members.capacity(hub);
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

    /** Whether the person is one of the hub's safeguarding leads. Any module may ask. */
    public boolean isSafeguardingLead(HubId hub, String username) {
        return safeguardingLeads(hub).stream().anyMatch(m -> m.username().equals(username));
    }

    /**
     * The hub's leads, for escalating alerts nobody acknowledged. Names and user names only: any
     * module may ask, including scheduled jobs that run without a signed-in person.
     */
    public List<HubMember> hubLeads(HubId hub) {
        return members.findByHub(hub).stream().filter(HubMember::hubLead).toList();
    }

    /**
     * Adds a person to a hub's team. Hub leads (their own hub) and administrators.
     *
     * @throws ValidationException naming each field that is wrong; nothing is saved
     */
    @Transactional
    public void add(
            HubId hub,
            String username,
            String displayName,
            @Nullable OrganisationId organisation,
            @Nullable Integer capacity,
            boolean hubLead,
            boolean safeguardingLead) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        if (!user.worksIn(hub)) {
            throw new AccessDeniedException("You do not lead this hub");
        }
        Map<String, Message> problems = new LinkedHashMap<>();
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9][a-z0-9._@-]{1,63}")) {
            problems.put("username", new Message("hubs.problem.username.user-name-2-64-letters"));
        }
        if (displayName.isBlank() || displayName.length() > 120) {
            problems.put("displayName", new Message("hubs.problem.displayname.give-person-s-name-up"));
        }
        if (organisation == null || organisations.findOrganisation(organisation).isEmpty()) {
            problems.put("organisation", new Message("hubs.problem.organisation.choose-organisation-they-work"));
        }
        if (capacity == null || capacity < 0 || capacity > MAX_CAPACITY) {
            problems.put(
                    "capacity", new Message("hubs.problem.capacity.capacity-must-whole-number-from", MAX_CAPACITY));
        }
        if (problems.isEmpty()
                && !members.insert(new HubMember(
                        hub,
                        name,
                        displayName.strip(),
                        requireNonNull(organisation),
                        "",
                        requireNonNull(capacity),
                        hubLead,
                        safeguardingLead,
                        0))) {
            problems.put("username", new Message("hubs.problem.username.person-already-hub-s-team"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        audit.record(
                AuditAction.ADD,
                "hub-member",
                hub + "/" + name,
                hub,
                null,
                (hubLead ? "hub lead, " : "") + (safeguardingLead ? "safeguarding lead, " : "") + "capacity "
                        + capacity);
    }

    /** Takes a person out of a hub's team; refuses over someone else's change. */
    @Transactional
    public void remove(HubMember member) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        if (!user.worksIn(member.hub())) {
            throw new AccessDeniedException("You do not lead this hub");
        }
        List<String> safeguarding = members.lockSafeguardingLeads(member.hub());
        if (safeguarding.equals(List.of(member.username()))) {
            throw new ValidationException(
                    Map.of("team", new Message("hubs.problem.team.0-hub-s-only-safeguarding", member.displayName())));
        }
        if (!members.delete(member.hub(), member.username(), member.version())) {
            throw new ChangedBySomeoneElseException(new Message("hubs.changed.0-s-place-team", member.displayName()));
        }
        audit.record(
                AuditAction.REMOVE, "hub-member", member.hub() + "/" + member.username(), member.hub(), null, null);
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
            throw new ChangedBySomeoneElseException(new Message("hubs.changed.0-s-capacity", member.displayName()));
        }
        audit.record(
                AuditAction.CHANGE_CAPACITY,
                "hub-member",
                member.hub() + "/" + member.username(),
                member.hub(),
                null,
                "capacity " + member.capacity() + " -> " + capacity);
    }
}
