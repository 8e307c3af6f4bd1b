package org.earlyhelp.insight.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.insight.PerformanceMonth;
import org.earlyhelp.insight.StepUpTrend;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Month-by-month performance from the read model, for one hub or the whole borough: what the
 * monthly counters hold, and what is counted from the cases (assessments on time, cases open at
 * each month's end, outcomes sustained).
 */
@Repository
public class PerformanceQueries {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String HUB = "(CAST(:hub AS TEXT) IS NULL OR c.hub_id = :hub)";

    private final JdbcClient jdbc;

    PerformanceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The months from {@code from} to {@code to}, oldest first, each present even when empty.
     *
     * @param today the day the figures are counted on: an assessment due later is not yet late, and
     *     a month is "at its end" no later than today
     */
    public List<PerformanceMonth> months(@Nullable HubId hub, YearMonth from, YearMonth to, LocalDate today) {
        String hubId = hub == null ? null : hub.value();
        Map<YearMonth, int[]> counters = new HashMap<>();
        jdbc.sql("""
                        SELECT month, sum(requests), sum(decided), sum(decided_on_time), sum(re_referrals), sum(step_ups),
                               sum(step_downs), sum(closures), sum(needs), sum(needs_achieved)
                        FROM insight.monthly c
                        WHERE month BETWEEN :from AND :to AND\s""" + HUB + " GROUP BY month")
                .param("from", Date.valueOf(from.atDay(1)))
                .param("to", Date.valueOf(to.atDay(1)))
                .param("hub", hubId)
                .query((rs, n) -> {
                    int[] v = new int[9];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getInt(i + 2);
                    }
                    return counters.put(YearMonth.from(rs.getDate(1).toLocalDate()), v);
                })
                .list();

        Map<YearMonth, int[]> assessments = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('month', c.assessment_due)::date, count(*),
                               count(*) FILTER (WHERE c.assessment_done_at IS NOT NULL
                                   AND (c.assessment_done_at AT TIME ZONE 'Europe/London')::date <= c.assessment_due)
                        FROM insight.case_file c
                        WHERE c.assessment_due >= :from AND c.assessment_due < :end
                          AND (c.assessment_done_at IS NOT NULL OR c.assessment_due < :today) AND\s""" + HUB + """
                         GROUP BY 1""")
                .param("from", Date.valueOf(from.atDay(1)))
                .param("end", Date.valueOf(to.plusMonths(1).atDay(1)))
                .param("today", Date.valueOf(today))
                .param("hub", hubId)
                .query((rs, n) -> assessments.put(
                        YearMonth.from(rs.getDate(1).toLocalDate()), new int[] {rs.getInt(2), rs.getInt(3)}))
                .list();

        // Cases open at a month's end (midnight in London at the start of the next month): those
        // allocated before it less those closed before it. One pass: each allocation adds one and
        // each closure takes one away, in the month it happened (those before the first month in
        // the first), and the months' sums add up.
        Map<YearMonth, Integer> change = new HashMap<>();
        jdbc.sql("""
                        WITH moves AS (
                            SELECT c.allocated_at AS at, 1 AS delta FROM insight.case_file c
                            WHERE c.allocated_at < :end AND\s""" + HUB + """

                            UNION ALL
                            SELECT c.closed_at, -1 FROM insight.case_file c
                            WHERE c.closed_at < :end AND\s""" + HUB + """
                        )
                        SELECT greatest(date_trunc('month', at AT TIME ZONE 'Europe/London')::date, CAST(:from AS date)),
                               sum(delta)
                        FROM moves GROUP BY 1""")
                .param("from", Date.valueOf(from.atDay(1)))
                .param(
                        "end",
                        Timestamp.from(
                                to.plusMonths(1).atDay(1).atStartOfDay(LONDON).toInstant()))
                .param("hub", hubId)
                .query((rs, n) -> change.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getInt(2)))
                .list();
        Map<YearMonth, Integer> open = new HashMap<>();
        int running = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            running += change.getOrDefault(m, 0);
            open.put(m, running);
        }

        // Closed with every need met, and whether the family has asked again within six months.
        Map<YearMonth, int[]> sustained = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('month', c.closed_at AT TIME ZONE 'Europe/London')::date, count(*),
                               count(*) FILTER (WHERE NOT EXISTS (
                                   SELECT 1 FROM insight.request r WHERE r.family_id = c.family_id
                                     AND r.submitted_at > c.closed_at AND r.submitted_at <= c.closed_at + interval '6 months'))
                        FROM insight.case_file c
                        WHERE c.closed_at >= ((CAST(:from AS date))::timestamp AT TIME ZONE 'Europe/London')
                          AND c.closed_at < ((CAST(:end AS date))::timestamp AT TIME ZONE 'Europe/London')
                          AND c.needs > 0 AND c.needs_achieved = c.needs AND\s""" + HUB + """
                         GROUP BY 1""")
                .param("from", Date.valueOf(from.atDay(1)))
                .param("end", Date.valueOf(to.plusMonths(1).atDay(1)))
                .param("hub", hubId)
                .query((rs, n) -> sustained.put(
                        YearMonth.from(rs.getDate(1).toLocalDate()), new int[] {rs.getInt(2), rs.getInt(3)}))
                .list();

        YearMonth lastKnown = YearMonth.from(today.minusMonths(6)).minusMonths(1);
        List<PerformanceMonth> rows = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            int[] c = counters.getOrDefault(m, new int[9]);
            int[] a = assessments.getOrDefault(m, new int[2]);
            int[] s = sustained.getOrDefault(m, new int[2]);
            rows.add(new PerformanceMonth(
                    m,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5],
                    c[6],
                    c[7],
                    c[8],
                    a[0],
                    a[1],
                    open.getOrDefault(m, 0),
                    s[0],
                    m.isAfter(lastKnown) ? null : s[1]));
        }
        return rows;
    }

    /**
     * Step-ups in the twelve months from {@code lastStart} to {@code end} and in the twelve before,
     * from {@code beforeStart}, with the closures of the last twelve: the strategy's trend.
     */
    public StepUpTrend.StepUps stepUps(YearMonth last, LocalDate beforeStart, LocalDate lastStart, LocalDate end) {
        return jdbc.sql("""
                        SELECT coalesce(sum(step_ups) FILTER (WHERE month >= :lastStart), 0) AS last_year,
                               coalesce(sum(step_ups) FILTER (WHERE month < :lastStart), 0) AS year_before,
                               coalesce(sum(closures) FILTER (WHERE month >= :lastStart), 0) AS closures
                        FROM insight.monthly
                        WHERE month >= :beforeStart AND month < :end""")
                .param("lastStart", lastStart)
                .param("beforeStart", beforeStart)
                .param("end", end)
                .query((rs, n) -> new StepUpTrend.StepUps(
                        last, rs.getInt("last_year"), rs.getInt("year_before"), rs.getInt("closures")))
                .single();
    }
}
