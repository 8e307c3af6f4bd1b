package org.earlyhelp.referrals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.referrals.CaseForAudit;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.shared.HubId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases a month's case file audit may draw from. */
@Repository
public class AuditCandidates {

    private final JdbcClient jdbc;

    AuditCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The hub's cases open at some time in {@code [start, end)}: open ones and those closed in it,
     * in the order of their ids, leaving out families whose consent was withdrawn (their record is
     * for the lead practitioner and the hub lead only).
     */
    public List<CaseForAudit> openBetween(HubId hub, Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT c.id, c.lead, c.lead_name, c.closed_at IS NOT NULL AND c.closed_at < :end,
                               coalesce((SELECT array_agg(m.username) FROM referrals.case_member m
                                         WHERE m.case_id = c.id), '{}')
                        FROM referrals.case_file c JOIN referrals.family f ON f.id = c.family_id
                        WHERE c.hub_id = :hub AND c.allocated_at < :end
                          AND (c.closed_at IS NULL OR c.closed_at >= :start) AND NOT f.restricted
                        ORDER BY c.id""")
                .param("hub", hub.value())
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .query((rs, n) -> new CaseForAudit(
                        new CaseId(rs.getObject(1, UUID.class)),
                        hub,
                        rs.getString(2),
                        rs.getString(3),
                        Set.copyOf(Arrays.asList((String[]) rs.getArray(5).getArray())),
                        rs.getBoolean(4)))
                .list();
    }
}
