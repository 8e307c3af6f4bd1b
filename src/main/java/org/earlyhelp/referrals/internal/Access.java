package org.earlyhelp.referrals.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.ReferralsProperties;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CaseAccess;
import org.earlyhelp.shared.security.CaseReadGrants;
import org.earlyhelp.shared.security.CurrentUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one access policy for a family's record: who may read it and who may work on it, by their
 * relationship to the family now, not by role and hub alone. Every read of a family, case,
 * request or case feedback goes through here (the voice module through {@link CaseAccess}).
 *
 * <ul>
 *   <li>the lead practitioner and the team of an <b>open</b> case read the family's record and
 *       work on their case; after the case closes, for {@code earlyhelp.referrals.closed-case-read-days}
 *       (90 by default), they may still read it, and change nothing;
 *   <li>the hub lead of the family's <b>current</b> hub, and of the hub holding an open case for
 *       the family, read the record and work on the hub's cases;
 *   <li>a case file auditor reads the one case they audit, read only, while the audit's grant
 *       holds ({@link CaseReadGrants}): not the family's other cases, and not once consent is
 *       withdrawn;
 *   <li>once consent is withdrawn, only the lead practitioner and the hub lead, everywhere;
 *   <li>nobody else: not a practitioner of the same hub without a case, not the lead of another
 *       hub, not a former team member after the grace period; administrators and commissioners
 *       see figures, and a family's record only through a reasoned, audited break-glass read.
 * </ul>
 *
 * Refusals are audited with what was asked.
 */
@Component
public class Access implements CaseAccess {

    /** What a person is to a family now. */
    public record Standing(boolean hubLead, boolean lead, boolean team, boolean formerLead, boolean formerTeam) {

        static final Standing NONE = new Standing(false, false, false, false, false);
    }

    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ReferralsProperties properties;
    private final Clock clock;
    private final ObjectProvider<CaseReadGrants> grants;

    Access(
            CurrentUsers currentUsers,
            JdbcClient jdbc,
            AuditTrail audit,
            ReferralsProperties properties,
            Clock clock,
            ObjectProvider<CaseReadGrants> grants) {
        this.grants = grants;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The signed-in practitioner or hub lead. */
    public CurrentUser worker() {
        return currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
    }

    /** The signed-in hub lead, of whichever hub. */
    public CurrentUser hubLead() {
        return currentUsers.requireAnyOf(Role.HUB_LEAD);
    }

    /** The signed-in lead of this hub; refusals are audited. */
    public CurrentUser hubLead(HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD);
        if (!leads(user, hub)) {
            audit.refused(AuditAction.LEAD_HUB, "hub", hub.value(), hub, null);
            throw new AccessDeniedException("You do not lead this hub");
        }
        return user;
    }

    public static boolean leads(CurrentUser user, HubId hub) {
        return user.has(Role.HUB_LEAD) && user.hubs().contains(hub);
    }

    /** The grace period's start: cases closed after it still count, read only. */
    Instant graceStart() {
        return clock.instant().minus(Duration.ofDays(properties.closedCaseGraceDays()));
    }

    private static String[] ledHubs(CurrentUser user) {
        return user.has(Role.HUB_LEAD) ? user.hubs().stream().map(HubId::value).toArray(String[]::new) : new String[0];
    }

    private static boolean worksWithFamilies(CurrentUser user) {
        return user.has(Role.PRACTITIONER) || user.has(Role.HUB_LEAD);
    }

    /** What the person is to the family now, from its cases, in one query. */
    public Standing standing(CurrentUser user, FamilyRow family) {
        if (!worksWithFamilies(user)) {
            return Standing.NONE;
        }
        String[] led = ledHubs(user);
        boolean currentHubLead = leads(user, family.hub());
        return jdbc.sql("""
                        SELECT coalesce(bool_or(c.closed_at IS NULL AND c.hub_id = ANY (:led)), false),
                               coalesce(bool_or(c.closed_at IS NULL AND c.lead = :u), false),
                               coalesce(bool_or(c.closed_at IS NULL AND m.username IS NOT NULL), false),
                               coalesce(bool_or(c.closed_at >= :since AND c.lead = :u), false),
                               coalesce(bool_or(c.closed_at >= :since AND m.username IS NOT NULL), false)
                        FROM referrals.case_file c
                        LEFT JOIN referrals.case_member m ON m.case_id = c.id AND m.username = :u
                        WHERE c.family_id = :f""")
                .param("led", led)
                .param("u", user.username())
                .param("since", Timestamp.from(graceStart()))
                .param("f", family.id().value())
                .query((rs, n) -> new Standing(
                        currentHubLead || rs.getBoolean(1),
                        rs.getBoolean(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5)))
                .single();
    }

    /** Whether the person may read the family's record now (see the class comment). */
    public boolean mayRead(CurrentUser user, FamilyRow family) {
        return mayRead(standing(user, family), family.restricted());
    }

    public static boolean mayRead(Standing s, boolean restricted) {
        return s.hubLead() || s.lead() || s.formerLead() || (!restricted && (s.team() || s.formerTeam()));
    }

    /** Refuses, audited, unless the person may read the family's record now. */
    public void requireFamily(CurrentUser user, FamilyRow family) {
        if (!mayRead(user, family)) {
            audit.refused(AuditAction.VIEW, "family", family.id().toString(), family.hub(), null);
            throw new AccessDeniedException("You do not work with this family");
        }
    }

    /**
     * Refuses, audited, unless the person may read the case's family now, or holds a read grant
     * for this one case (a case file audit) and the family's consent stands.
     *
     * @return the end of the grant when the read is by grant only; empty for a read by standing
     */
    public Optional<Instant> requireCase(CurrentUser user, CaseRow c, FamilyRow family) {
        if (mayRead(user, family)) {
            return Optional.empty();
        }
        Optional<Instant> granted = family.restricted() ? Optional.empty() : granted(c.id(), user.username());
        if (granted.isEmpty()) {
            audit.refused(AuditAction.VIEW, "case", c.id().toString(), c.hub(), "family " + family.id());
            throw new AccessDeniedException("You do not work with this family");
        }
        return granted;
    }

    /** {@link #requireCase}, and the read recorded: a read by grant with the reason "case file audit". */
    public Optional<Instant> readCase(CurrentUser user, CaseRow c, FamilyRow family) {
        Optional<Instant> grant = requireCase(user, c, family);
        String reason = grant.isPresent() ? "case file audit" : null;
        audit.record(AuditAction.VIEW, "case", c.id().toString(), c.hub(), reason, "family " + family.id());
        return grant;
    }

    /** The latest end of the read grants this person holds now on this case, if any. */
    private Optional<Instant> granted(CaseId caseId, String username) {
        Instant now = clock.instant();
        return grants.orderedStream()
                .map(g -> g.readableUntil(caseId.value(), username))
                .flatMap(Optional::stream)
                .filter(now::isBefore)
                .max(Instant::compareTo);
    }

    /**
     * Whether the person works on this case: its lead, its team (not once consent is withdrawn),
     * or the lead of its hub or of the family's current hub. Whether the case is still open is
     * the caller's next question, so that its own lead is told plainly that it has closed.
     */
    public boolean worksOn(CurrentUser user, CaseRow c, HubId familyHub) {
        if (!worksWithFamilies(user)) {
            return false;
        }
        if (leads(user, c.hub()) || leads(user, familyHub) || c.lead().equals(user.username())) {
            return true;
        }
        return !c.restricted() && inTeam(c.id(), user.username());
    }

    /** Refuses, audited, unless the person works on this case (see {@link #worksOn}). */
    public void requireWork(CurrentUser user, CaseRow c, HubId familyHub) {
        if (!worksOn(user, c, familyHub)) {
            audit.refused(AuditAction.WORK, "case", c.id().toString(), c.hub(), null);
            throw new AccessDeniedException("You do not work with this family");
        }
    }

    /** Refuses, audited, unless the person leads this case or leads its hub or the family's hub. */
    public void requireLead(CurrentUser user, CaseRow c, HubId familyHub) {
        boolean allowed = worksWithFamilies(user)
                && (leads(user, c.hub()) || leads(user, familyHub) || c.lead().equals(user.username()));
        if (!allowed) {
            audit.refused(AuditAction.LEAD, "case", c.id().toString(), c.hub(), null);
            throw new AccessDeniedException("Only the lead practitioner or the hub lead can do this");
        }
    }

    /** Refuses, audited, unless the person leads the hub of the case or of the family. */
    public void requireHubLeadOf(CurrentUser user, CaseRow c, HubId familyHub) {
        if (!leads(user, c.hub()) && !leads(user, familyHub)) {
            audit.refused(AuditAction.HUB_LEAD, "case", c.id().toString(), c.hub(), null);
            throw new AccessDeniedException("Only the hub lead can do this");
        }
    }

    /** A refusal of something the person asked for, audited with what it was. */
    public AccessDeniedException refusal(AuditAction action, String recordType, Object id, HubId hub, String message) {
        audit.refused(action, recordType, String.valueOf(id), hub, null);
        return new AccessDeniedException(message);
    }

    /**
     * The refusal for an id that names nothing (or nothing this person may know of): the same
     * answer as for a record outside their work, audited with what was asked.
     */
    public AccessDeniedException unknown(String recordType, Object id) {
        audit.refused(AuditAction.VIEW, recordType, String.valueOf(id), null, "no such record");
        return new AccessDeniedException("No such " + recordType);
    }

    private boolean inTeam(CaseId caseId, String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM referrals.case_member WHERE case_id = ? AND username = ?)")
                .params(caseId.value(), username)
                .query(Boolean.class)
                .single();
    }

    // ---- for other modules, by case id ---------------------------------------------------------

    /**
     * The same rule as {@link #mayRead}, as SQL over a family {@code f}: used for lists, so that
     * a list never shows what a single read would refuse.
     */
    private static final String READABLE = """
            (f.hub_id = ANY (:led)
             OR EXISTS (SELECT 1 FROM referrals.case_file o WHERE o.family_id = f.id AND o.closed_at IS NULL
                          AND o.hub_id = ANY (:led))
             OR EXISTS (SELECT 1 FROM referrals.case_file o WHERE o.family_id = f.id AND o.lead = :u
                          AND (o.closed_at IS NULL OR o.closed_at >= :since))
             OR (NOT f.restricted AND EXISTS (
                   SELECT 1 FROM referrals.case_file o JOIN referrals.case_member m ON m.case_id = o.id
                   WHERE o.family_id = f.id AND m.username = :u AND (o.closed_at IS NULL OR o.closed_at >= :since))))""";

    @Override
    public Set<UUID> readable(Collection<UUID> cases) {
        Optional<CurrentUser> found = currentUsers.find();
        if (cases.isEmpty() || found.isEmpty() || !worksWithFamilies(found.get())) {
            return Set.of();
        }
        CurrentUser user = found.get();
        List<UUID> ids = jdbc.sql("SELECT c.id FROM referrals.case_file c JOIN referrals.family f ON f.id = c.family_id"
                        + " WHERE c.id = ANY (:ids) AND " + READABLE)
                .param("ids", cases.toArray(UUID[]::new))
                .param("led", ledHubs(user))
                .param("u", user.username())
                .param("since", Timestamp.from(graceStart()))
                .query(UUID.class)
                .list();
        return new LinkedHashSet<>(ids);
    }

    @Override
    public boolean worksOn(UUID caseId) {
        Optional<CurrentUser> user = currentUsers.find();
        if (user.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        SELECT c.hub_id, f.hub_id, c.lead, c.closed_at IS NULL, f.restricted,
                               EXISTS (SELECT 1 FROM referrals.case_member m WHERE m.case_id = c.id AND m.username = ?)
                        FROM referrals.case_file c JOIN referrals.family f ON f.id = c.family_id WHERE c.id = ?""")
                .params(user.get().username(), caseId)
                .query((rs, n) -> {
                    CurrentUser u = user.get();
                    if (!rs.getBoolean(4) || !worksWithFamilies(u)) {
                        return false;
                    }
                    return leads(u, new HubId(rs.getString(1)))
                            || leads(u, new HubId(rs.getString(2)))
                            || rs.getString(3).equals(u.username())
                            || (!rs.getBoolean(5) && rs.getBoolean(6));
                })
                .optional()
                .orElse(false);
    }
}
