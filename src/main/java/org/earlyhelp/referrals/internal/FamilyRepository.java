package org.earlyhelp.referrals.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.FamilyRecord;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A family's own tables: the family, its members, the break-glass reads and consent. */
@Repository
public class FamilyRepository {

    private final JdbcClient jdbc;

    FamilyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertFamily(FamilyRow f) {
        jdbc.sql("""
                        INSERT INTO referrals.family (id, label, address, postcode, area_code, hub_id, restricted, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        f.id().value(),
                        f.label(),
                        f.address(),
                        f.postcode(),
                        f.areaCode(),
                        f.hub().value(),
                        f.restricted(),
                        Rows.ts(f.createdAt()))
                .update();
    }

    public Optional<FamilyRow> family(FamilyId id) {
        return jdbc.sql("""
                        SELECT id, label, address, postcode, area_code, hub_id, restricted, created_at, version
                        FROM referrals.family WHERE id = ?""")
                .param(id.value())
                .query((rs, n) -> new FamilyRow(
                        new FamilyId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        new HubId(rs.getString(6)),
                        rs.getBoolean(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getInt(9)))
                .optional();
    }

    public boolean restrictFamily(FamilyId id, int version) {
        return jdbc.sql(
                                "UPDATE referrals.family SET restricted = true, version = version + 1 WHERE id = ? AND version = ?")
                        .params(id.value(), version)
                        .update()
                == 1;
    }

    public void insertPerson(FamilyId family, FamilyRecord.Member m, int position) {
        jdbc.sql("""
                        INSERT INTO referrals.person (id, family_id, given_name, family_name, date_of_birth, relationship,
                          sex, ethnicity, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        m.id(),
                        family.value(),
                        m.givenName(),
                        m.familyName(),
                        m.dateOfBirth(),
                        m.relationship().name(),
                        m.sex(),
                        m.ethnicity(),
                        position)
                .update();
    }

    public List<FamilyRecord.Member> members(FamilyId family) {
        return jdbc.sql("""
                        SELECT id, given_name, family_name, date_of_birth, relationship, sex, ethnicity
                        FROM referrals.person WHERE family_id = ? ORDER BY position""")
                .param(family.value())
                .query((rs, n) -> new FamilyRecord.Member(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        Relationship.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    public int nextPosition(FamilyId family) {
        return jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM referrals.person WHERE family_id = ?")
                .param(family.value())
                .query(Integer.class)
                .single();
    }

    /**
     * A known person matching on family name and date of birth, or on family name at the same
     * postcode; with what the duplicate check may show, whether the family's record is restricted
     * or has an open case, and whether the family was saved as new for a request and still waits
     * for a hub lead to say whether it is a family already known.
     */
    public record PersonMatch(
            FamilyId family,
            String label,
            String hubId,
            String givenName,
            String familyName,
            LocalDate born,
            boolean restricted,
            boolean openCase,
            boolean waitingToBeLinked) {}

    public List<PersonMatch> matches(List<String> familyNames, List<LocalDate> births, String postcode) {
        if (familyNames.isEmpty()) {
            return List.of();
        }
        String[] names =
                familyNames.stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        Date[] dates = births.stream().map(Date::valueOf).toArray(Date[]::new);
        // At most 50 people, the families waiting to be linked last: copies of a family sent again
        // and again must not push the family they copy out of the 50.
        return jdbc.sql("""
                        SELECT f.id, f.label, f.hub_id, p.given_name, p.family_name, p.date_of_birth, f.restricted,
                               EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.family_id = f.id AND c.closed_at IS NULL),
                               EXISTS (SELECT 1 FROM referrals.family_change w
                                       WHERE w.proposed_family_id = f.id AND w.status = 'PENDING') AS waiting
                        FROM referrals.person p JOIN referrals.family f ON f.id = p.family_id
                        WHERE lower(p.family_name) = ANY (?)
                          AND (p.date_of_birth = ANY (?) OR f.postcode = ?)
                        ORDER BY waiting, f.created_at DESC, p.position LIMIT 50""")
                .params(names, dates, postcode)
                .query((rs, n) -> new PersonMatch(
                        new FamilyId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getBoolean(7),
                        rs.getBoolean(8),
                        rs.getBoolean(9)))
                .list();
    }

    /** When the family's early help last closed, if it did. */
    public Optional<Instant> lastClosure(FamilyId family) {
        return jdbc.sql("SELECT max(closed_at) FROM referrals.case_file WHERE family_id = ?")
                .param(family.value())
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    // ---- break-glass reads -------------------------------------------------------------------

    public void insertBreakGlass(FamilyId family, HubId hub, CurrentUser user, String reason, Instant at) {
        insertBreakGlass(family, hub, user, reason, false, at);
    }

    /**
     * A break-glass read or subject access export refused because its reason named someone in the
     * record: kept, without the reason, in a transaction of its own, so that the refusal, which
     * rolls the caller's work back, is still shown to the family's hub lead.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void insertRefusedBreakGlass(FamilyId family, HubId hub, CurrentUser user, Instant at) {
        insertBreakGlass(family, hub, user, null, true, at);
    }

    private void insertBreakGlass(
            FamilyId family, HubId hub, CurrentUser user, @Nullable String reason, boolean refused, Instant at) {
        jdbc.sql("""
                        INSERT INTO referrals.break_glass
                            (id, family_id, hub_id, actor, actor_name, actor_roles, reason, refused, read_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        family.value(),
                        hub.value(),
                        user.username(),
                        user.displayName(),
                        user.roles().stream().map(Role::externalName).sorted().collect(Collectors.joining(",")),
                        reason,
                        refused,
                        Rows.ts(at))
                .update();
    }

    public List<FamilyRecord.BreakGlassRead> breakGlassReads(FamilyId family, int limit) {
        return jdbc.sql("""
                        SELECT read_at, actor_name || ' (' || actor || ')', actor_roles, coalesce(reason, ''), refused
                        FROM referrals.break_glass
                        WHERE family_id = ? ORDER BY read_at DESC LIMIT ?""")
                .params(family.value(), limit)
                .query((rs, n) -> new FamilyRecord.BreakGlassRead(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    // ---- consent -----------------------------------------------------------------------------

    public void insertConsent(
            FamilyId family,
            @Nullable RequestId request,
            String givenBy,
            LocalDate givenOn,
            ConsentMethod method,
            String shareWith,
            String recordedBy,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO referrals.consent (id, family_id, request_id, given_by, given_on, how, share_with,
                          recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        family.value(),
                        request == null ? null : request.value(),
                        givenBy,
                        givenOn,
                        method.name(),
                        shareWith,
                        recordedBy,
                        Rows.ts(at))
                .update();
    }

    public List<FamilyRecord.Consent> consents(FamilyId family) {
        return jdbc.sql("""
                        SELECT id, given_by, given_on, how, share_with, withdrawn_at, withdrawn_reason
                        FROM referrals.consent WHERE family_id = ? ORDER BY recorded_at""")
                .param(family.value())
                .query((rs, n) -> new FamilyRecord.Consent(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        ConsentMethod.valueOf(rs.getString(4)),
                        rs.getString(5),
                        Rows.instant(rs, 6),
                        rs.getString(7)))
                .list();
    }

    public int withdrawConsents(FamilyId family, String by, String reason, Instant at) {
        return jdbc.sql("""
                        UPDATE referrals.consent SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
                        WHERE family_id = ? AND withdrawn_at IS NULL""").params(Rows.ts(at), by, reason, family.value()).update();
    }
}
