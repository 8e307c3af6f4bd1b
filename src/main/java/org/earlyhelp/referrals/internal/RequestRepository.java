package org.earlyhelp.referrals.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestStatus;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests for support and their needs, and the decision on each. */
@Repository
public class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String REQUEST_SELECT = """
            SELECT r.id, r.family_id, f.label, r.hub_id, r.referrer_name, r.referrer_org, r.submitted_at,
                   r.decision_due, r.status, r.level, r.outcome, r.reasons, r.decided_at,
                   (SELECT c.lead_name FROM referrals.case_file c WHERE c.request_id = r.id) AS lead_name,
                   (SELECT array_agg(n.area ORDER BY n.area) FROM referrals.request_need n WHERE n.request_id = r.id) AS needs,
                   r.re_referral, r.step_down, f.restricted, r.version,
                   (SELECT c.close_reason FROM referrals.case_file c WHERE c.request_id = r.id AND c.closed_at IS NOT NULL)
                       AS closed_as
            FROM referrals.request r JOIN referrals.family f ON f.id = r.family_id""";

    public record NewRequest(
            RequestId id,
            FamilyId family,
            HubId hub,
            @Nullable String hubReason,
            String referrer,
            String referrerName,
            @Nullable String referrerOrg,
            String source,
            Instant submittedAt,
            Instant decisionDue,
            String tried,
            String involved,
            boolean reReferral,
            boolean stepDown,
            boolean safeguarding,
            RequestStatus status) {}

    public void insertRequest(NewRequest r) {
        jdbc.sql("""
                        INSERT INTO referrals.request (id, family_id, hub_id, hub_reason, referrer, referrer_name, referrer_org,
                          source, submitted_at, decision_due, tried, involved, re_referral, step_down, safeguarding, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        r.id().value(),
                        r.family().value(),
                        r.hub().value(),
                        r.hubReason(),
                        r.referrer(),
                        r.referrerName(),
                        r.referrerOrg(),
                        r.source(),
                        Rows.ts(r.submittedAt()),
                        Rows.ts(r.decisionDue()),
                        r.tried(),
                        r.involved(),
                        r.reReferral(),
                        r.stepDown(),
                        r.safeguarding(),
                        r.status().name())
                .update();
    }

    public void insertNeed(RequestId request, OutcomeArea area, String description) {
        jdbc.sql("INSERT INTO referrals.request_need (request_id, area, description) VALUES (?, ?, ?)")
                .params(request.value(), area.name(), description)
                .update();
    }

    public Map<OutcomeArea, String> needs(RequestId request) {
        Map<OutcomeArea, String> needs = new EnumMap<>(OutcomeArea.class);
        jdbc.sql("SELECT area, description FROM referrals.request_need WHERE request_id = ?")
                .param(request.value())
                .query((rs, n) -> needs.put(OutcomeArea.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
        return needs;
    }

    public Optional<RequestSummary> request(RequestId id) {
        return jdbc.sql(REQUEST_SELECT + " WHERE r.id = ?")
                .param(id.value())
                .query(this::requestSummary)
                .optional();
    }

    public String[] triedAndInvolved(RequestId request) {
        return jdbc.sql("SELECT tried, involved FROM referrals.request WHERE id = ?")
                .param(request.value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }

    /** Who made a request, for the referrer's own check. */
    public Optional<String> referrerOf(RequestId request) {
        return jdbc.sql("SELECT referrer FROM referrals.request WHERE id = ?")
                .param(request.value())
                .query(String.class)
                .optional();
    }

    public List<RequestSummary> requestsOf(String referrer, int offset, int limit) {
        return jdbc.sql(REQUEST_SELECT + " WHERE r.referrer = ? ORDER BY r.submitted_at DESC OFFSET ? LIMIT ?")
                .params(referrer, offset, limit)
                .query(this::requestSummary)
                .list();
    }

    public int countRequestsOf(String referrer) {
        return jdbc.sql("SELECT count(*) FROM referrals.request WHERE referrer = ?")
                .param(referrer)
                .query(Integer.class)
                .single();
    }

    public List<RequestSummary> requestsOfFamily(FamilyId family) {
        return jdbc.sql(REQUEST_SELECT + " WHERE r.family_id = ? ORDER BY r.submitted_at")
                .param(family.value())
                .query(this::requestSummary)
                .list();
    }

    /**
     * A page of a hub's requests in a status: waiting for a decision, the soonest due first; any
     * other, the earliest decided first (the id breaks ties, so that pages neither repeat nor skip).
     */
    public List<RequestSummary> inStatus(HubId hub, RequestStatus status, int offset, int limit) {
        String order = status == RequestStatus.AWAITING_DECISION ? "r.decision_due" : "r.decided_at";
        return jdbc.sql(REQUEST_SELECT + " WHERE r.hub_id = ? AND r.status = ? ORDER BY " + order
                        + ", r.id OFFSET ? LIMIT ?")
                .params(hub.value(), status.name(), offset, limit)
                .query(this::requestSummary)
                .list();
    }

    public int countInStatus(HubId hub, RequestStatus status) {
        return jdbc.sql("SELECT count(*) FROM referrals.request WHERE hub_id = ? AND status = ?")
                .params(hub.value(), status.name())
                .query(Integer.class)
                .single();
    }

    public boolean decide(
            RequestId id,
            int version,
            RequestStatus status,
            NeedLevel level,
            DecisionOutcome outcome,
            String reasons,
            String by,
            Instant at) {
        return jdbc.sql("""
                                UPDATE referrals.request SET status = ?, level = ?, outcome = ?, reasons = ?, decided_by = ?,
                                  decided_at = ?, version = version + 1
                                WHERE id = ? AND version = ? AND status = 'AWAITING_DECISION'""")
                        .params(
                                status.name(),
                                level.number(),
                                outcome.name(),
                                reasons,
                                by,
                                Rows.ts(at),
                                id.value(),
                                version)
                        .update()
                == 1;
    }

    public boolean setRequestStatus(RequestId id, int version, RequestStatus from, RequestStatus to) {
        return jdbc.sql("""
                                UPDATE referrals.request SET status = ?, version = version + 1
                                WHERE id = ? AND version = ? AND status = ?""").params(to.name(), id.value(), version, from.name()).update() == 1;
    }

    private RequestSummary requestSummary(ResultSet rs, int n) throws SQLException {
        Array needs = rs.getArray(15);
        List<OutcomeArea> areas = needs == null
                ? List.of()
                : Arrays.stream((String[]) needs.getArray())
                        .map(OutcomeArea::valueOf)
                        .toList();
        int level = rs.getInt(10);
        boolean hasLevel = !rs.wasNull();
        String outcome = rs.getString(11);
        String hub = rs.getString(4);
        return new RequestSummary(
                new RequestId(rs.getObject(1, UUID.class)),
                new FamilyId(rs.getObject(2, UUID.class)),
                rs.getString(3),
                new HubId(hub),
                hub,
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(),
                RequestStatus.valueOf(rs.getString(9)),
                hasLevel ? NeedLevel.values()[level - 1] : null,
                outcome == null ? null : DecisionOutcome.valueOf(outcome),
                rs.getString(12),
                Rows.instant(rs, 13),
                rs.getString(14),
                areas,
                rs.getBoolean(16),
                rs.getBoolean(17),
                rs.getBoolean(18),
                rs.getInt(19),
                rs.getString(20) == null ? null : ClosureReason.valueOf(rs.getString(20)));
    }
}
