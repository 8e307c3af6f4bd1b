package org.earlyhelp.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.ConcernToCheck;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Safeguarding concerns and step-ups to children's social care, and whether a lead of their hub has
 * checked each with the front door.
 */
@Repository
public class ConcernCheckRepository {

    private final JdbcClient jdbc;

    ConcernCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT k.request_id, r.family_id, f.label, r.hub_id, k.raised_at, coalesce(k.raised_by, r.referrer_name),
                   CASE WHEN k.raised_by IS NULL THEN r.referrer_org END,
                   coalesce(CASE WHEN k.case_id IS NULL THEN r.reasons ELSE c.close_note END, ''),
                   k.front_door_contacted, k.mailed_to, k.version, r.safeguarding
            FROM referrals.concern_check k
            JOIN referrals.request r ON r.id = k.request_id
            JOIN referrals.family f ON f.id = r.family_id
            LEFT JOIN referrals.case_file c ON c.id = k.case_id
            """;

    private static ConcernToCheck row(ResultSet rs, int n) throws SQLException {
        return new ConcernToCheck(
                new RequestId(rs.getObject(1, UUID.class)),
                new FamilyId(rs.getObject(2, UUID.class)),
                rs.getString(3),
                new HubId(rs.getString(4)),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getBoolean(9),
                rs.getString(10),
                rs.getInt(11),
                rs.getBoolean(12) ? ConcernToCheck.Kind.CONCERN : ConcernToCheck.Kind.STEP_UP);
    }

    /** A safeguarding concern, recorded at {@code at}, to be checked with the front door. */
    public void insert(RequestId request, boolean frontDoorContacted, Instant at) {
        jdbc.sql("INSERT INTO referrals.concern_check (request_id, front_door_contacted, raised_at) VALUES (?, ?, ?)")
                .params(request.value(), frontDoorContacted, Rows.ts(at))
                .update();
    }

    /**
     * A step-up to children's social care, by the person named {@code by}, to be checked with the
     * front door: a hub's decision on a request, or the family's open case ({@code caseId}).
     * {@code frontDoorContacted}: whether they said they had already contacted the front door.
     */
    public void insertStepUp(
            RequestId request, @Nullable CaseId caseId, String by, boolean frontDoorContacted, Instant at) {
        jdbc.sql("""
                        INSERT INTO referrals.concern_check (request_id, front_door_contacted, raised_at, raised_by, case_id)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(request.value(), frontDoorContacted, Rows.ts(at), by, caseId == null ? null : caseId.value())
                .update();
    }

    public Optional<ConcernToCheck> find(RequestId request) {
        return jdbc.sql(SELECT + "WHERE k.request_id = ?")
                .param(request.value())
                .query(ConcernCheckRepository::row)
                .optional();
    }

    /** The hub's concerns nobody has checked yet, the longest waiting first: at most {@code limit}. */
    public List<ConcernToCheck> waiting(HubId hub, int limit) {
        return jdbc.sql(SELECT
                        + "WHERE k.checked_at IS NULL AND r.hub_id = ? ORDER BY k.raised_at, k.request_id LIMIT ?")
                .params(hub.value(), limit)
                .query(ConcernCheckRepository::row)
                .list();
    }

    /** How many concerns of these hubs nobody has checked yet. */
    public int countWaiting(Collection<HubId> hubs) {
        return jdbc.sql("""
                        SELECT count(*) FROM referrals.concern_check k JOIN referrals.request r ON r.id = k.request_id
                        WHERE k.checked_at IS NULL AND r.hub_id = ANY (?)""")
                .param(hubs.stream().map(HubId::value).toArray(String[]::new))
                .query(Integer.class)
                .single();
    }

    public void markMailed(RequestId request, String to, Instant at) {
        jdbc.sql("UPDATE referrals.concern_check SET mailed_at = ?, mailed_to = ? WHERE request_id = ?")
                .params(Rows.ts(at), to, request.value())
                .update();
    }

    /** A concern or step-up nobody has checked: its hub, and when it was recorded. */
    public record Unchecked(RequestId request, HubId hub, Instant recordedAt) {}

    /**
     * Concerns and step-ups nobody has checked that were recorded before {@code recordedBefore} and not reminded
     * of since {@code remindedBefore}, the oldest first.
     */
    public List<Unchecked> toRemind(Instant recordedBefore, Instant remindedBefore) {
        return jdbc.sql("""
                        SELECT k.request_id, r.hub_id, k.raised_at
                        FROM referrals.concern_check k JOIN referrals.request r ON r.id = k.request_id
                        WHERE k.checked_at IS NULL AND k.raised_at < ?
                          AND (k.reminded_at IS NULL OR k.reminded_at <= ?)
                        ORDER BY k.raised_at""")
                .params(Rows.ts(recordedBefore), Rows.ts(remindedBefore))
                .query((rs, n) -> new Unchecked(
                        new RequestId(rs.getObject(1, UUID.class)),
                        new HubId(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    public void markReminded(Collection<RequestId> requests, Instant at) {
        jdbc.sql("UPDATE referrals.concern_check SET reminded_at = ? WHERE request_id = ANY (?)")
                .params(Rows.ts(at), requests.stream().map(RequestId::value).toArray(UUID[]::new))
                .update();
    }

    /** Records the check; false when it was checked, or changed, since {@code version} was read. */
    public boolean check(RequestId request, int version, String by, String byName, String note, Instant at) {
        return jdbc.sql("""
                        UPDATE referrals.concern_check
                        SET checked_at = ?, checked_by = ?, checked_by_name = ?, note = ?, version = version + 1
                        WHERE request_id = ? AND version = ? AND checked_at IS NULL""")
                        .params(Rows.ts(at), by, byName, note, request.value(), version)
                        .update()
                == 1;
    }
}
