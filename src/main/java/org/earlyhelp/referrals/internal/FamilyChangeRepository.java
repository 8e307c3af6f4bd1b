package org.earlyhelp.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Changes to a known family that wait for its current hub lead: a new request's family to link
 * to it ({@code LINK}), or a move to a new address ({@code MOVE}); and the merge a confirmed link
 * makes.
 */
@Repository
public class FamilyChangeRepository {

    /** The kinds of change. */
    public enum Kind {
        LINK,
        MOVE
    }

    /** A change as stored. */
    public record ChangeRow(
            UUID id,
            Kind kind,
            FamilyId family,
            HubId hub,
            @Nullable FamilyId proposedFamily,
            @Nullable RequestId request,
            String oldAddress,
            String oldPostcode,
            HubId oldHub,
            String newAddress,
            String newPostcode,
            @Nullable String newArea,
            HubId newHub,
            String requestedBy,
            String requestedName,
            Instant requestedAt,
            String status,
            @Nullable String decision,
            int version) {}

    private static final String SELECT = """
            SELECT id, kind, family_id, hub_id, proposed_family_id, request_id, old_address, old_postcode, old_hub_id,
                   new_address, new_postcode, new_area_code, new_hub_id, requested_by, requested_name, requested_at,
                   status, decision, version
            FROM referrals.family_change""";

    private final JdbcClient jdbc;

    FamilyChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            Kind kind,
            FamilyRow known,
            @Nullable FamilyId proposedFamily,
            @Nullable RequestId request,
            String newAddress,
            String newPostcode,
            @Nullable String newArea,
            HubId newHub,
            String requestedBy,
            String requestedName,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO referrals.family_change (id, kind, family_id, hub_id, proposed_family_id, request_id,
                          old_address, old_postcode, old_hub_id, new_address, new_postcode, new_area_code, new_hub_id,
                          requested_by, requested_name, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        kind.name(),
                        known.id().value(),
                        known.hub().value(),
                        proposedFamily == null ? null : proposedFamily.value(),
                        request == null ? null : request.value(),
                        known.address(),
                        known.postcode(),
                        known.hub().value(),
                        newAddress,
                        newPostcode,
                        newArea,
                        newHub.value(),
                        requestedBy,
                        requestedName,
                        Timestamp.from(at))
                .update();
    }

    /** Changes waiting for a hub's lead, oldest first. */
    public List<ChangeRow> pending(HubId hub, int limit) {
        return jdbc.sql(SELECT + " WHERE hub_id = ? AND status = 'PENDING' ORDER BY requested_at LIMIT ?")
                .params(hub.value(), limit)
                .query(FamilyChangeRepository::row)
                .list();
    }

    public int countPending(HubId hub) {
        return jdbc.sql("SELECT count(*) FROM referrals.family_change WHERE hub_id = ? AND status = 'PENDING'")
                .param(hub.value())
                .query(Integer.class)
                .single();
    }

    /** Whether a request's family waits to be linked to a family known in another hub. */
    public boolean linkPending(RequestId request) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM referrals.family_change WHERE request_id = ? AND status = 'PENDING')")
                .param(request.value())
                .query(Boolean.class)
                .single();
    }

    public Optional<ChangeRow> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(FamilyChangeRepository::row)
                .optional();
    }

    /** Records the decision; false if someone else decided it meanwhile. */
    public boolean decide(UUID id, int version, String status, String decision, String by, Instant at) {
        return jdbc.sql("""
                                UPDATE referrals.family_change SET status = ?, decision = ?, decided_by = ?, decided_at = ?,
                                  version = version + 1 WHERE id = ? AND version = ? AND status = 'PENDING'""")
                        .params(status, decision, by, Timestamp.from(at), id, version)
                        .update()
                == 1;
    }

    /** Moves a family to a new address (and perhaps hub); false if the family changed meanwhile. */
    public boolean moveFamily(
            FamilyId family, int version, String address, String postcode, @Nullable String area, HubId hub) {
        return jdbc.sql("""
                                UPDATE referrals.family SET address = ?, postcode = ?, area_code = ?, hub_id = ?,
                                  version = version + 1 WHERE id = ? AND version = ?""")
                        .params(address, postcode, area, hub.value(), family.value(), version)
                        .update()
                == 1;
    }

    /** Bumps a family's version: false if someone else changed it since it was read. */
    public boolean touchFamily(FamilyId family, int version) {
        return jdbc.sql("UPDATE referrals.family SET version = version + 1 WHERE id = ? AND version = ?")
                        .params(family.value(), version)
                        .update()
                == 1;
    }

    /**
     * Merges a new request's family into the known family it turned out to be: people not already
     * there join it, and its requests, consent, cases and pending changes move across; the new
     * family's row goes.
     *
     * @return the requests that moved
     */
    public List<RequestId> merge(FamilyId from, FamilyId into) {
        int offset = jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM referrals.person WHERE family_id = ?")
                .param(into.value())
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        UPDATE referrals.person p SET family_id = :into, position = p.position + :offset
                        WHERE p.family_id = :from AND NOT EXISTS (
                          SELECT 1 FROM referrals.person k WHERE k.family_id = :into
                            AND lower(k.given_name) = lower(p.given_name) AND lower(k.family_name) = lower(p.family_name)
                            AND k.date_of_birth = p.date_of_birth)""")
                .param("into", into.value())
                .param("from", from.value())
                .param("offset", offset)
                .update();
        jdbc.sql("DELETE FROM referrals.person WHERE family_id = ?")
                .param(from.value())
                .update();
        List<RequestId> requests = jdbc.sql(
                        "UPDATE referrals.request SET family_id = ? WHERE family_id = ? RETURNING id")
                .params(into.value(), from.value())
                .query((rs, n) -> new RequestId(rs.getObject(1, UUID.class)))
                .list();
        jdbc.sql("UPDATE referrals.consent SET family_id = ? WHERE family_id = ?")
                .params(into.value(), from.value())
                .update();
        jdbc.sql("UPDATE referrals.case_file SET family_id = ? WHERE family_id = ?")
                .params(into.value(), from.value())
                .update();
        jdbc.sql("UPDATE referrals.break_glass SET family_id = ? WHERE family_id = ?")
                .params(into.value(), from.value())
                .update();
        jdbc.sql("UPDATE referrals.family_change SET family_id = ? WHERE family_id = ?")
                .params(into.value(), from.value())
                .update();
        jdbc.sql("DELETE FROM referrals.retention_due WHERE family_id = ?")
                .param(from.value())
                .update();
        jdbc.sql("DELETE FROM referrals.family WHERE id = ?")
                .param(from.value())
                .update();
        return requests;
    }

    /**
     * Marks as re-referrals those of these requests made within {@code months} of the family's
     * last closure before them; returns those newly marked.
     */
    public List<RequestId> markReReferrals(FamilyId family, List<RequestId> requests, int months) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        UPDATE referrals.request r SET re_referral = true
                        WHERE r.id = ANY (?) AND NOT r.re_referral AND EXISTS (
                          SELECT 1 FROM referrals.case_file c WHERE c.family_id = ? AND c.closed_at < r.submitted_at
                            AND c.closed_at > r.submitted_at - make_interval(months => ?))
                        RETURNING r.id""")
                .params(requests.stream().map(RequestId::value).toArray(UUID[]::new), family.value(), months)
                .query((rs, n) -> new RequestId(rs.getObject(1, UUID.class)))
                .list();
    }

    private static ChangeRow row(ResultSet rs, int n) throws SQLException {
        String area = rs.getString(12);
        Timestamp requested = rs.getTimestamp(16);
        return new ChangeRow(
                rs.getObject(1, UUID.class),
                Kind.valueOf(rs.getString(2)),
                new FamilyId(rs.getObject(3, UUID.class)),
                new HubId(rs.getString(4)),
                Rows.id(rs, 5, FamilyId::new),
                Rows.id(rs, 6, RequestId::new),
                rs.getString(7),
                rs.getString(8),
                new HubId(rs.getString(9)),
                rs.getString(10),
                rs.getString(11),
                area,
                new HubId(rs.getString(13)),
                rs.getString(14),
                rs.getString(15),
                requested.toInstant(),
                rs.getString(17),
                rs.getString(18),
                rs.getInt(19));
    }
}
