package org.earlyhelp.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The borough view's reads of insight's read model: every hub at once, by hub or by month. */
@Repository
public class BoroughQueries {

    /** A hub's sums over the months asked for. */
    public record Sums(
            int requests, int decided, int onTime, int needs, int achieved, int reReferrals, int ups, int downs) {}

    private final JdbcClient jdbc;

    BoroughQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each hub's sums from the first month to the current one, by hub id. */
    public Map<String, Sums> sumsByHub(YearMonth first, YearMonth current) {
        Map<String, Sums> sums = new HashMap<>();
        jdbc.sql("""
                        SELECT hub_id, sum(requests), sum(decided), sum(decided_on_time), sum(needs), sum(needs_achieved),
                               sum(re_referrals), sum(step_ups), sum(step_downs)
                        FROM insight.monthly WHERE month BETWEEN ? AND ? GROUP BY hub_id""")
                .params(first.atDay(1), current.atDay(1))
                .query((rs, n) -> sums.put(
                        rs.getString(1),
                        new Sums(
                                rs.getInt(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getInt(5),
                                rs.getInt(6),
                                rs.getInt(7),
                                rs.getInt(8),
                                rs.getInt(9))))
                .list();
        return sums;
    }

    /** Each hub's open cases and, of them, those that drift by {@link DriftRule}: {open, drifting}, by hub id. */
    public Map<String, int[]> openAndDriftingByHub(Instant now, LocalDate today, int driftWeeks, int oversightWeeks) {
        Map<String, int[]> cases = new HashMap<>();
        jdbc.sql("""
                        SELECT hub_id, count(*), count(*) FILTER (WHERE """ + DriftRule.CONDITION + """
                        ) FROM insight.case_file WHERE closed_at IS NULL GROUP BY hub_id""")
                .params(DriftRule.parameters(now, today, driftWeeks, oversightWeeks))
                .query((rs, n) -> cases.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}))
                .list();
        return cases;
    }

    /** Each hub's requests submitted since then, past their deadline with no decision, by hub id. */
    public Map<String, Integer> overdueUndecidedByHub(Instant now, Instant since) {
        Map<String, Integer> overdue = new HashMap<>();
        jdbc.sql("""
                        SELECT hub_id, count(*) FROM insight.request
                        WHERE decided_at IS NULL AND decision_due < ? AND submitted_at >= ? GROUP BY hub_id""")
                .params(Timestamp.from(now), Timestamp.from(since))
                .query((rs, n) -> overdue.put(rs.getString(1), rs.getInt(2)))
                .list();
        return overdue;
    }

    /**
     * Each month's requests, decided and decided on time, for the pilot hubs (the first three) and
     * the others (the last three).
     */
    public Map<YearMonth, int[]> pilotAndOthersByMonth(Set<String> pilots, YearMonth first, YearMonth current) {
        Map<YearMonth, int[]> byMonth = new HashMap<>();
        jdbc.sql("""
                        SELECT month, hub_id = ANY (?) AS pilot, sum(requests), sum(decided), sum(decided_on_time)
                        FROM insight.monthly WHERE month BETWEEN ? AND ? GROUP BY month, 2""")
                .params(pilots.toArray(String[]::new), first.atDay(1), current.atDay(1))
                .query((rs, n) -> {
                    int[] m =
                            byMonth.computeIfAbsent(YearMonth.from(rs.getObject(1, LocalDate.class)), k -> new int[6]);
                    int offset = rs.getBoolean(2) ? 0 : 3;
                    m[offset] += rs.getInt(3);
                    m[offset + 1] += rs.getInt(4);
                    m[offset + 2] += rs.getInt(5);
                    return null;
                })
                .list();
        return byMonth;
    }
}
