package org.earlyhelp.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubStatus;
import org.earlyhelp.insight.internal.DriftRule;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The borough view: every hub side by side on the same measures, and the pilot hubs against the
 * others month by month. Figures only, never names: administrators and hub leads may compare.
 */
@Service
@Transactional(readOnly = true)
public class BoroughComparison {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** One hub's measures over the last 12 months (open cases and drift as of now). */
    public record HubRow(
            Hub hub,
            int requests,
            double requestsPer10000Children,
            @Nullable Double decidedOnTimePercent,
            int openCases,
            int drifting,
            @Nullable Double needsAchievedPercent,
            @Nullable Double reReferralPercent,
            int stepUps,
            int stepDowns) {}

    /** One month: pilot hubs against the others, as rates so hubs of different sizes compare. */
    public record PilotMonth(
            YearMonth month,
            double pilotRequestsPer10000,
            double otherRequestsPer10000,
            @Nullable Double pilotOnTimePercent,
            @Nullable Double otherOnTimePercent) {}

    /**
     * @param driftWeeks how long without contact makes a case drift, for the page's definitions
     * @param oversightWeeks how long without supervision makes a case drift, for the definitions
     */
    public record Comparison(
            List<HubRow> hubs, List<PilotMonth> pilotAgainstOthers, int driftWeeks, int oversightWeeks) {}

    private final JdbcClient jdbc;
    private final HubDirectory directory;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final int driftWeeks;
    private final int oversightWeeks;

    BoroughComparison(
            JdbcClient jdbc,
            HubDirectory directory,
            CurrentUsers currentUsers,
            Clock clock,
            @Value("${earlyhelp.insight.drift-weeks:4}") int driftWeeks,
            @Value("${earlyhelp.referrals.oversight-weeks:6}") int oversightWeeks) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.driftWeeks = driftWeeks;
        this.oversightWeeks = oversightWeeks;
    }

    public Comparison compare() {
        currentUsers.requireAnyOf(Role.ADMIN, Role.HUB_LEAD);
        LocalDate today = clock.instant().atZone(LONDON).toLocalDate();
        YearMonth current = YearMonth.from(today);
        YearMonth first = current.minusMonths(11);
        List<Hub> hubs = directory.hubs();

        record Sums(
                int requests, int decided, int onTime, int needs, int achieved, int reReferrals, int ups, int downs) {}
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
        Map<String, int[]> cases = new HashMap<>();
        jdbc.sql("""
                        SELECT hub_id, count(*), count(*) FILTER (WHERE """ + DriftRule.CONDITION + """
                        ) FROM insight.case_file WHERE closed_at IS NULL GROUP BY hub_id""")
                .params(DriftRule.parameters(clock.instant(), today, driftWeeks, oversightWeeks))
                .query((rs, n) -> cases.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}))
                .list();

        // As on the hub dashboard: a request past its deadline with no decision is not on time.
        Map<String, Integer> overdue = new HashMap<>();
        jdbc.sql("""
                        SELECT hub_id, count(*) FROM insight.request
                        WHERE decided_at IS NULL AND decision_due < ? AND submitted_at >= ? GROUP BY hub_id""")
                .params(
                        Timestamp.from(clock.instant()),
                        Timestamp.from(first.atDay(1).atStartOfDay(LONDON).toInstant()))
                .query((rs, n) -> overdue.put(rs.getString(1), rs.getInt(2)))
                .list();

        List<HubRow> rows = new ArrayList<>();
        for (Hub hub : hubs) {
            Sums s = sums.getOrDefault(hub.id().value(), new Sums(0, 0, 0, 0, 0, 0, 0, 0));
            int[] c = cases.getOrDefault(hub.id().value(), new int[] {0, 0});
            rows.add(new HubRow(
                    hub,
                    s.requests(),
                    hub.children() == 0 ? 0 : s.requests() * 10_000.0 / hub.children(),
                    Percentages.of(
                            s.onTime(),
                            s.decided() + overdue.getOrDefault(hub.id().value(), 0)),
                    c[0],
                    c[1],
                    Percentages.of(s.achieved(), s.needs()),
                    Percentages.of(s.reReferrals(), s.requests()),
                    s.ups(),
                    s.downs()));
        }

        Set<String> pilots = hubs.stream()
                .filter(h -> h.status() == HubStatus.PILOT)
                .map(h -> h.id().value())
                .collect(Collectors.toSet());
        long pilotChildren = hubs.stream()
                .filter(h -> pilots.contains(h.id().value()))
                .mapToLong(Hub::children)
                .sum();
        long otherChildren = hubs.stream()
                .filter(h -> !pilots.contains(h.id().value()))
                .mapToLong(Hub::children)
                .sum();
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
        List<PilotMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
            int[] v = byMonth.getOrDefault(m, new int[6]);
            months.add(new PilotMonth(
                    m,
                    pilotChildren == 0 ? 0 : v[0] * 10_000.0 / pilotChildren,
                    otherChildren == 0 ? 0 : v[3] * 10_000.0 / otherChildren,
                    Percentages.of(v[2], v[1]),
                    Percentages.of(v[5], v[4])));
        }
        return new Comparison(rows, months, driftWeeks, oversightWeeks);
    }
}
