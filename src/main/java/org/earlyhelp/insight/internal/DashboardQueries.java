package org.earlyhelp.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.earlyhelp.insight.HubDashboard;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hub dashboard's reads of insight's read model: one method per figure or list it shows. */
@Repository
public class DashboardQueries {

    /** An open case's lead, with how many open cases carry that name. */
    public record OpenCases(@Nullable String lead, int count) {}

    /** A drifting case as the read model holds it; the dashboard says why it drifts. */
    public record DriftRow(
            UUID caseId,
            String familyLabel,
            @Nullable String lead,
            @Nullable Instant lastContact,
            Instant allocated,
            LocalDate assessmentDue,
            boolean assessed,
            @Nullable LocalDate reviewDue,
            @Nullable LocalDate supervised) {}

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Requests not yet decided, soonest due first. */
    public List<HubDashboard.Awaiting> awaiting(HubId hub, Instant now) {
        return jdbc.sql("""
                        SELECT id, family_label, submitted_at, decision_due FROM insight.request
                        WHERE hub_id = ? AND decided_at IS NULL ORDER BY decision_due, submitted_at""")
                .param(hub.value())
                .query((rs, n) -> new HubDashboard.Awaiting(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(4).toInstant().isBefore(now)))
                .list();
    }

    /** Requests decided for early help and not yet allocated. */
    public int unallocated(HubId hub) {
        return jdbc.sql("""
                        SELECT count(*) FROM insight.request
                        WHERE hub_id = ? AND outcome = 'EARLY_HELP' AND allocated_at IS NULL""").param(hub.value()).query(Integer.class).single();
    }

    /** Open cases by the lead's name as the read model holds it. */
    public List<OpenCases> openCasesByLead(HubId hub) {
        return jdbc.sql("""
                        SELECT lead_practitioner, count(*) FROM insight.case_file
                        WHERE hub_id = ? AND closed_at IS NULL GROUP BY lead_practitioner""")
                .param(hub.value())
                .query((rs, n) -> new OpenCases(rs.getString(1), rs.getInt(2)))
                .list();
    }

    /** Open cases that drift by {@link DriftRule}, the longest without contact first. */
    public List<DriftRow> drifting(HubId hub, Instant now, LocalDate today, int driftWeeks, int oversightWeeks) {
        return jdbc.sql("""
                        SELECT id, family_label, lead_practitioner, last_contact_at, allocated_at, assessment_due,
                               assessment_done_at, next_review_due, last_supervised_on FROM insight.case_file
                        WHERE hub_id = ? AND closed_at IS NULL AND """ + DriftRule.CONDITION + """
                        ORDER BY coalesce(last_contact_at, allocated_at)""")
                .params(Stream.concat(
                                Stream.of(hub.value()),
                                DriftRule.parameters(now, today, driftWeeks, oversightWeeks).stream())
                        .toList())
                .query((rs, n) -> new DriftRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getObject(6, LocalDate.class),
                        rs.getTimestamp(7) != null,
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)))
                .list();
    }

    /** Requests submitted since then, past their deadline with no decision. */
    public int overdueUndecided(HubId hub, Instant now, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM insight.request
                        WHERE hub_id = ? AND decided_at IS NULL AND decision_due < ? AND submitted_at >= ?""")
                .params(hub.value(), Timestamp.from(now), Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** The ten themes heard most since the month, most first. */
    public List<HubDashboard.Theme> themes(HubId hub, YearMonth from) {
        return jdbc.sql("""
                        SELECT theme, sum(count) AS heard FROM insight.theme_monthly
                        WHERE hub_id = ? AND month >= ? GROUP BY theme ORDER BY heard DESC, theme LIMIT 10""")
                .params(hub.value(), from.atDay(1))
                .query((rs, n) -> new HubDashboard.Theme(rs.getString(1), rs.getInt(2)))
                .list();
    }

    /** The hub's monthly figures from the first month to the last, for the months that have any. */
    public Map<YearMonth, HubDashboard.Month> months(HubId hub, YearMonth first, YearMonth last) {
        Map<YearMonth, HubDashboard.Month> rows = new HashMap<>();
        jdbc.sql("""
                        SELECT month, requests, decided, decided_on_time, closures, needs, needs_achieved, step_ups,
                               step_downs, re_referrals, contacts
                        FROM insight.monthly WHERE hub_id = ? AND month >= ? AND month <= ?""")
                .params(hub.value(), first.atDay(1), last.atDay(1))
                .query((rs, n) -> {
                    YearMonth m = YearMonth.from(rs.getObject(1, LocalDate.class));
                    rows.put(
                            m,
                            new HubDashboard.Month(
                                    m,
                                    rs.getInt(2),
                                    rs.getInt(3),
                                    rs.getInt(4),
                                    rs.getInt(5),
                                    rs.getInt(6),
                                    rs.getInt(7),
                                    rs.getInt(8),
                                    rs.getInt(9),
                                    rs.getInt(10),
                                    rs.getInt(11)));
                    return m;
                })
                .list();
        return rows;
    }

    /** Requests since then by the family's small area. */
    public Map<String, Integer> requestsByArea(HubId hub, Instant since) {
        Map<String, Integer> requests = new HashMap<>();
        jdbc.sql("""
                        SELECT area_code, count(*) FROM insight.request
                        WHERE hub_id = ? AND submitted_at >= ? AND area_code IS NOT NULL GROUP BY area_code""")
                .params(hub.value(), Timestamp.from(since))
                .query((rs, n) -> requests.put(rs.getString(1), rs.getInt(2)))
                .list();
        return requests;
    }
}
