package org.earlyhelp.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.referrals.ConcernToCheck;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.shared.HubId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Safeguarding concerns and whether a lead of their hub has checked each with the front door. */
@Repository
public class ConcernCheckRepository {

    private final JdbcClient jdbc;

    ConcernCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT k.request_id, r.family_id, f.label, r.hub_id, r.submitted_at, r.referrer_name, r.referrer_org,
                   coalesce(r.reasons, ''), k.front_door_contacted, k.mailed_to, k.version
            FROM referrals.concern_check k
            JOIN referrals.request r ON r.id = k.request_id
            JOIN referrals.family f ON f.id = r.family_id
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
                rs.getInt(11));
    }

    public void insert(RequestId request, boolean frontDoorContacted) {
        jdbc.sql("INSERT INTO referrals.concern_check (request_id, front_door_contacted) VALUES (?, ?)")
                .params(request.value(), frontDoorContacted)
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
                        + "WHERE k.checked_at IS NULL AND r.hub_id = ? ORDER BY r.submitted_at, k.request_id LIMIT ?")
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

    /** A concern nobody has checked: its hub, and when it was recorded. */
    public record Unchecked(RequestId request, HubId hub, Instant recordedAt) {}

    /**
     * Concerns nobody has checked that were recorded before {@code recordedBefore} and not reminded
     * of since {@code remindedBefore}, the oldest first.
     */
    public List<Unchecked> toRemind(Instant recordedBefore, Instant remindedBefore) {
        return jdbc.sql("""
                        SELECT k.request_id, r.hub_id, r.submitted_at
                        FROM referrals.concern_check k JOIN referrals.request r ON r.id = k.request_id
                        WHERE k.checked_at IS NULL AND r.submitted_at < ?
                          AND (k.reminded_at IS NULL OR k.reminded_at <= ?)
                        ORDER BY r.submitted_at""")
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
