package org.earlyhelp.referrals.internal;

import java.time.Instant;
import java.util.List;
import org.earlyhelp.referrals.FamilyId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Everything that happened to a family, read in one query for the timeline and the subject access export. */
@Repository
public class TimelineQuery {

    private final JdbcClient jdbc;

    TimelineQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Everything that happened to a family, newest first, as raw rows for the service to phrase.
     *
     * @param timeKnown false for what has only a date (a visit or review recorded on a later day):
     *     it is placed at the end of its day, after what happened that day with a time
     */
    public record TimelineRow(
            Instant at,
            boolean timeKnown,
            String kind,
            String a,
            @Nullable String b,
            @Nullable String c,
            @Nullable String by) {}

    /**
     * When something with only a date happened, as SQL over a date and the time it was recorded:
     * the recorded time when it was recorded that same day, else the end of its day.
     */
    private static String happened(String day, String recorded) {
        return "CASE WHEN " + timeKnown(day, recorded) + " THEN " + recorded + " ELSE ((" + day
                + " + 1) + time '00:00') AT TIME ZONE 'Europe/London' - interval '1 microsecond' END";
    }

    private static String timeKnown(String day, String recorded) {
        return "coalesce((" + recorded + " AT TIME ZONE 'Europe/London')::date = " + day + ", false)";
    }

    public List<TimelineRow> timeline(FamilyId family, int limit) {
        // Within one instant, entries follow the journey's order (a request before its decision).
        return jdbc.sql("""
                        SELECT at, known, kind, a, b, c, by FROM (
                          SELECT r.submitted_at AS at, true AS known, 1 AS step, CASE WHEN r.safeguarding THEN 'safeguarding'
                                 WHEN r.step_down THEN 'step-down' ELSE 'request' END AS kind,
                                 r.referrer_name AS a, r.referrer_org AS b,
                                 (SELECT string_agg(n.area, ',' ORDER BY n.area) FROM referrals.request_need n
                                  WHERE n.request_id = r.id) AS c, r.referrer_name AS by
                          FROM referrals.request r WHERE r.family_id = :f
                          UNION ALL
                          SELECT r.decided_at, true, 2, 'decision', r.outcome, r.level::text, r.reasons, r.decided_by
                          FROM referrals.request r WHERE r.family_id = :f AND r.decided_at IS NOT NULL
                          UNION ALL
                          SELECT k.checked_at, true, 3, CASE WHEN r.safeguarding THEN 'concern-check' ELSE 'step-up-check' END,
                                 k.note, NULL, NULL, k.checked_by_name
                          FROM referrals.concern_check k JOIN referrals.request r ON r.id = k.request_id
                          WHERE r.family_id = :f AND k.checked_at IS NOT NULL
                          UNION ALL
                          SELECT c.allocated_at, true, 3, 'allocation', c.lead_name, c.lead_org, c.assessment_due::text,
                                 c.allocated_by
                          FROM referrals.case_file c WHERE c.family_id = :f
                          UNION ALL
                          SELECT c.assessed_at, true, 4, 'assessment',
                                 (SELECT string_agg(a.area, ',' ORDER BY a.area) FROM referrals.assessment a
                                  WHERE a.case_id = c.id), NULL, NULL, c.lead_name
                          FROM referrals.case_file c WHERE c.family_id = :f AND c.assessed_at IS NOT NULL
                          UNION ALL
                          SELECT coalesce(o.recorded_at, c.assessed_at, c.allocated_at), o.recorded_at IS NOT NULL, 5,
                                 'plan-outcome', o.area, o.outcome, NULL, coalesce(o.recorded_by, c.lead_name)
                          FROM referrals.plan_outcome o JOIN referrals.case_file c ON c.id = o.case_id
                          WHERE c.family_id = :f
                          UNION ALL
                          SELECT coalesce(p.recorded_at, c.assessed_at, c.allocated_at), p.recorded_at IS NOT NULL, 6,
                                 'plan-action', p.action, p.owner, p.due_on::text, coalesce(p.recorded_by, c.lead_name)
                          FROM referrals.plan_action p JOIN referrals.plan_outcome o ON o.id = p.outcome_id
                          JOIN referrals.case_file c ON c.id = o.case_id WHERE c.family_id = :f
                          UNION ALL
                          SELECT p.status_changed_at, true, 7, 'action-status', p.action, p.status, NULL, p.status_changed_by
                          FROM referrals.plan_action p JOIN referrals.plan_outcome o ON o.id = p.outcome_id
                          JOIN referrals.case_file c ON c.id = o.case_id
                          WHERE c.family_id = :f AND p.status_changed_at IS NOT NULL
                          UNION ALL
                          SELECT\s""" + happened("r.held_on", "r.recorded_at") + ", " + timeKnown("r.held_on", "r.recorded_at")
                        + """
                                 , 9, 'review', r.notes, r.next_due::text, NULL, r.held_by
                          FROM referrals.review r JOIN referrals.case_file c ON c.id = r.case_id WHERE c.family_id = :f
                          UNION ALL
                          SELECT\s""" + happened("t.happened_on", "t.logged_at") + ", "
                        + timeKnown("t.happened_on", "t.logged_at") + """
                                 , 8, 'contact', t.kind, t.note, CASE WHEN t.child_seen THEN coalesce(t.child_views, '') END,
                                 t.logged_name
                          FROM referrals.contact t JOIN referrals.case_file c ON c.id = t.case_id WHERE c.family_id = :f
                          UNION ALL
                          SELECT c.stepped_up_at, true, 10, 'step-up', NULL, NULL, NULL, NULL
                          FROM referrals.case_file c WHERE c.family_id = :f AND c.stepped_up_at IS NOT NULL
                          UNION ALL
                          SELECT c.closed_at, true, 11, 'closure', c.close_reason, c.close_note,
                                 (SELECT string_agg(u.months || ':' || u.due_on, ',' ORDER BY u.months)
                                  FROM referrals.follow_up u WHERE u.case_id = c.id), c.lead_name
                          FROM referrals.case_file c WHERE c.family_id = :f AND c.closed_at IS NOT NULL
                          UNION ALL
                          SELECT s.recorded_at, true, 0, 'consent', s.given_by, s.how, s.share_with, s.recorded_by
                          FROM referrals.consent s WHERE s.family_id = :f
                          UNION ALL
                          SELECT s.withdrawn_at, true, 12, 'consent-withdrawn', s.given_by, s.withdrawn_reason, NULL,
                                 s.withdrawn_by
                          FROM referrals.consent s WHERE s.family_id = :f AND s.withdrawn_at IS NOT NULL
                          UNION ALL
                          SELECT b.received_at, true, 8, 'feedback', b.mood::text, b.words,
                                 CASE WHEN b.safeguarding THEN 'safeguarding' END, b.first_name
                          FROM referrals.case_feedback b JOIN referrals.case_file c ON c.id = b.case_id
                          WHERE c.family_id = :f
                          UNION ALL
                          SELECT u.done_at, true, 13, 'follow-up', u.months::text, u.note, NULL, u.done_by
                          FROM referrals.follow_up u JOIN referrals.case_file c ON c.id = u.case_id
                          WHERE c.family_id = :f AND u.done_at IS NOT NULL
                        ) t ORDER BY at DESC, step DESC, kind LIMIT :limit""")
                .param("f", family.value())
                .param("limit", limit)
                .query((rs, n) -> new TimelineRow(
                        rs.getTimestamp(1).toInstant(),
                        rs.getBoolean(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
