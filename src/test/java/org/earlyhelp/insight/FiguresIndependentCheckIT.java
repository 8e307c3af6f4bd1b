package org.earlyhelp.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every figure of the hub dashboard and the borough view, worked out again with this test's own
 * SQL over the source tables (the referrals module's requests, cases, contacts and outcomes, and
 * the hubs' areas), never the read models the pages use, and compared figure by figure. The data
 * is the application's own demonstration journeys in every hub, taken in through its events, with
 * whatever the browser tests before it added through the pages and the partner API. It runs on the
 * browser tests' application because none of them erases a family: the unit tests' retention tests
 * do, and an erased family's requests leave the source tables while the read models keep their
 * counts under "Deleted record", by design, so no SQL over the source tables could agree.
 */
@DemonstrationApplicationTest
class FiguresIndependentCheckIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int DRIFT_WEEKS = 4;
    /** Weeks without a recorded supervision after which an open case drifts (management oversight). */
    private static final int OVERSIGHT_WEEKS = 6;

    @Autowired
    HubDashboard dashboards;

    @Autowired
    BoroughComparison borough;

    @Autowired
    HubDirectory hubs;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    /** The 12 months every figure covers: this month and the 11 before it. */
    private static YearMonth first() {
        return YearMonth.now(LONDON).minusMonths(11);
    }

    private static Timestamp windowStart() {
        return Timestamp.from(first().atDay(1).atStartOfDay(LONDON).toInstant());
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private static @Nullable Double percent(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** One hub's figures, worked out from the source tables. */
    private Map<String, Object> expected(Hub hub, Instant now) {
        String h = hub.id().value();
        LocalDate today = now.atZone(LONDON).toLocalDate();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("awaiting", count("SELECT count(*) FROM referrals.request WHERE hub_id = ? AND decided_at IS NULL", h));
        f.put("unallocated", count("""
                        SELECT count(*) FROM referrals.request r WHERE r.hub_id = ? AND r.outcome = 'EARLY_HELP'
                          AND NOT EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.request_id = r.id)""", h));
        f.put(
                "open cases",
                count("SELECT count(*) FROM referrals.case_file WHERE hub_id = ? AND closed_at IS NULL", h));
        Map<String, Integer> caseloads = new TreeMap<>();
        jdbc.sql("SELECT lead, count(*) FROM referrals.case_file WHERE hub_id = ? AND closed_at IS NULL GROUP BY lead")
                .param(h)
                .query((rs, n) -> caseloads.put(rs.getString(1), rs.getInt(2)))
                .list();
        f.put("caseloads", caseloads);
        // A contact counts at noon on the day it happened, in England.
        List<String> drifting = jdbc.sql("""
                        SELECT c.id::text FROM referrals.case_file c
                        WHERE c.hub_id = ? AND c.closed_at IS NULL AND (
                              coalesce((SELECT max((x.happened_on + TIME '12:00') AT TIME ZONE 'Europe/London')
                                        FROM referrals.contact x WHERE x.case_id = c.id), c.allocated_at) < ?
                           OR (c.assessed_at IS NULL AND c.assessment_due < ?)
                           OR (c.assessed_at IS NOT NULL AND c.next_review_due < ?)
                           OR coalesce((SELECT max(s.held_on) FROM referrals.supervision s WHERE s.case_id = c.id),
                                       (c.allocated_at AT TIME ZONE 'Europe/London')::date) < ?)
                        ORDER BY 1""")
                .params(
                        h,
                        Timestamp.from(now.minus(Duration.ofDays(7L * DRIFT_WEEKS))),
                        today,
                        today,
                        today.minusWeeks(OVERSIGHT_WEEKS))
                .query(String.class)
                .list();
        f.put("drifting", drifting);
        Timestamp from = windowStart();
        int decided = count("SELECT count(*) FROM referrals.request WHERE hub_id = ? AND decided_at >= ?", h, from);
        int onTime = count(
                "SELECT count(*) FROM referrals.request WHERE hub_id = ? AND decided_at >= ? AND decided_at <= decision_due",
                h,
                from);
        int overdue = count("""
                SELECT count(*) FROM referrals.request
                WHERE hub_id = ? AND decided_at IS NULL AND decision_due < ? AND submitted_at >= ?""", h, Timestamp.from(now), from);
        f.put("decided on time %", percent(onTime, decided + overdue));
        int needs = count("""
                SELECT count(*) FROM referrals.request_need n JOIN referrals.case_file c ON c.request_id = n.request_id
                WHERE c.hub_id = ? AND c.closed_at >= ?""", h, from);
        int achieved = count("""
                SELECT count(*) FROM referrals.closure_outcome o JOIN referrals.case_file c ON c.id = o.case_id
                WHERE c.hub_id = ? AND c.closed_at >= ? AND o.result = 'ACHIEVED'""", h, from);
        f.put("needs achieved %", percent(achieved, needs));
        int requests = count("SELECT count(*) FROM referrals.request WHERE hub_id = ? AND submitted_at >= ?", h, from);
        int reReferrals = count(
                "SELECT count(*) FROM referrals.request WHERE hub_id = ? AND submitted_at >= ? AND re_referral",
                h,
                from);
        f.put("requests", requests);
        f.put("re-referrals", reReferrals);
        f.put("re-referral %", percent(reReferrals, requests));
        f.put(
                "closures",
                count("SELECT count(*) FROM referrals.case_file WHERE hub_id = ? AND closed_at >= ?", h, from));
        // Stepped up: a request decided as a step up, or an open case stepped up.
        f.put(
                "step-ups",
                count(
                                "SELECT count(*) FROM referrals.request WHERE hub_id = ? AND outcome = 'STEP_UP' AND decided_at >= ?",
                                h,
                                from)
                        + count(
                                "SELECT count(*) FROM referrals.case_file WHERE hub_id = ? AND stepped_up_at >= ?",
                                h,
                                from));
        f.put(
                "step-downs",
                count(
                        "SELECT count(*) FROM referrals.request WHERE hub_id = ? AND submitted_at >= ? AND step_down",
                        h,
                        from));
        // Each month: requests by the month they arrived, decisions (and on time) by the month of
        // the decision, contacts by the day they happened, closures by the month of closing.
        Map<YearMonth, int[]> months = new TreeMap<>();
        for (YearMonth m = first(); !m.isAfter(YearMonth.now(LONDON)); m = m.plusMonths(1)) {
            months.put(m, new int[5]);
        }
        monthly(months, 0, """
                SELECT date_trunc('month', submitted_at AT TIME ZONE 'Europe/London')::date, count(*)
                FROM referrals.request WHERE hub_id = ? GROUP BY 1""", h);
        monthly(months, 1, """
                SELECT date_trunc('month', decided_at AT TIME ZONE 'Europe/London')::date, count(*)
                FROM referrals.request WHERE hub_id = ? AND decided_at IS NOT NULL GROUP BY 1""", h);
        monthly(months, 2, """
                SELECT date_trunc('month', decided_at AT TIME ZONE 'Europe/London')::date, count(*)
                FROM referrals.request WHERE hub_id = ? AND decided_at <= decision_due GROUP BY 1""", h);
        monthly(months, 3, """
                SELECT date_trunc('month', x.happened_on)::date, count(*)
                FROM referrals.contact x JOIN referrals.case_file c ON c.id = x.case_id WHERE c.hub_id = ? GROUP BY 1""", h);
        monthly(months, 4, """
                SELECT date_trunc('month', closed_at AT TIME ZONE 'Europe/London')::date, count(*)
                FROM referrals.case_file WHERE hub_id = ? AND closed_at IS NOT NULL GROUP BY 1""", h);
        List<String> trend = new ArrayList<>();
        months.forEach((m, v) -> trend.add(m + " requests " + v[0] + ", decided " + v[1] + " (" + v[2]
                + " on time), contacts " + v[3] + ", closures " + v[4]));
        f.put("trend", trend);
        // Reach: requests in the 12 months by the area the family was in, for the hub's areas.
        Map<String, Integer> reach = new TreeMap<>();
        jdbc.sql("SELECT code FROM hubs.area WHERE hub_id = ?")
                .param(h)
                .query(String.class)
                .list()
                .forEach(code -> reach.put(code, 0));
        jdbc.sql("""
                        SELECT f.area_code, count(*) FROM referrals.request r JOIN referrals.family f ON f.id = r.family_id
                        WHERE r.hub_id = ? AND r.submitted_at >= ? AND f.area_code IS NOT NULL GROUP BY 1""")
                .params(h, from)
                .query((rs, n) -> {
                    int requestsThere = rs.getInt(2);
                    reach.computeIfPresent(rs.getString(1), (k, v) -> requestsThere);
                    return null;
                })
                .list();
        f.put("reach", reach);
        return f;
    }

    private void monthly(Map<YearMonth, int[]> months, int column, String sql, String hub) {
        jdbc.sql(sql)
                .param(hub)
                .query((rs, n) -> {
                    int[] m = months.get(YearMonth.from(rs.getObject(1, LocalDate.class)));
                    if (m != null) {
                        m[column] = rs.getInt(2);
                    }
                    return null;
                })
                .list();
    }

    /** The same figures, as the dashboard shows them. */
    private static Map<String, Object> shown(HubDashboard.Dashboard d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("awaiting", d.awaitingCount());
        f.put("unallocated", d.unallocated());
        f.put("open cases", d.openCases());
        Map<String, Integer> caseloads = new TreeMap<>();
        d.caseloads().stream().filter(c -> c.openCases() > 0).forEach(c -> caseloads.put(c.username(), c.openCases()));
        f.put("caseloads", caseloads);
        f.put(
                "drifting",
                d.drift().stream().map(x -> x.caseId().toString()).sorted().toList());
        f.put("decided on time %", d.decidedOnTimePercent());
        f.put("needs achieved %", d.needsAchievedPercent());
        f.put(
                "requests",
                d.trend().stream().mapToInt(HubDashboard.Month::requests).sum());
        f.put("re-referrals", d.reReferrals12m());
        f.put("re-referral %", d.reReferralPercent());
        f.put("closures", d.closures12m());
        f.put("step-ups", d.stepUps12m());
        f.put("step-downs", d.stepDowns12m());
        List<String> trend = new ArrayList<>();
        d.trend()
                .forEach(m -> trend.add(m.month() + " requests " + m.requests() + ", decided " + m.decided() + " ("
                        + m.decidedOnTime() + " on time), contacts " + m.contacts() + ", closures " + m.closures()));
        f.put("trend", trend);
        Map<String, Integer> reach = new TreeMap<>();
        d.reach().forEach(r -> reach.put(r.areaCode(), r.requests()));
        f.put("reach", reach);
        return f;
    }

    @Test
    void everyFigureOfEveryHubsDashboardAndTheBoroughViewAgreesWithItsOwnSql() throws Exception {
        awaitTheReadModels();
        Instant now = Instant.now();
        Map<String, Map<String, Object>> expectedByHub = new HashMap<>();
        int figures = 0;
        int hubsWithCases = 0;
        SignedIn.as("admin", Set.of(Role.ADMIN), Set.of());
        List<Hub> all = hubs.hubs();
        for (Hub hub : all) {
            SignedIn.as(
                    "lead." + hub.id().value(),
                    Set.of(Role.HUB_LEAD),
                    Set.of(hub.id().value()));
            HubDashboard.Dashboard d = dashboards.of(hub.id());
            Map<String, Object> expected = expected(hub, now);
            Map<String, Object> shown = shown(d);
            for (String figure : expected.keySet()) {
                assertThat(shown.get(figure)).as("%s: %s", hub.name(), figure).isEqualTo(expected.get(figure));
                figures++;
            }
            if ((int) expected.get("open cases") > 0) {
                hubsWithCases++;
            }
            expectedByHub.put(hub.id().value(), expected);
            // The reach's rate per 10,000 children, from the area's children.
            for (HubDashboard.Reach r : d.reach()) {
                int children = count("SELECT children FROM hubs.area WHERE code = ?", r.areaCode());
                assertThat(r.per10000())
                        .as("%s: reach in %s", hub.name(), r.areaCode())
                        .isEqualTo(children == 0 ? 0 : r.requests() * 10_000.0 / children);
            }
        }
        assertThat(hubsWithCases)
                .as("the demonstration journeys reached the pilot hubs, whose teams have capacity")
                .isGreaterThanOrEqualTo(3);

        SignedIn.as("admin", Set.of(Role.ADMIN), Set.of());
        BoroughComparison.Comparison comparison = borough.compare();
        for (BoroughComparison.HubRow row : comparison.hubs()) {
            Map<String, Object> e = expectedByHub.get(row.hub().id().value());
            String name = row.hub().name();
            assertThat(row.requests()).as("%s: borough requests", name).isEqualTo(e.get("requests"));
            assertThat(row.requestsPer10000Children())
                    .as("%s: borough requests per 10,000", name)
                    .isEqualTo(
                            row.hub().children() == 0
                                    ? 0
                                    : (int) e.get("requests")
                                            * 10_000.0
                                            / row.hub().children());
            assertThat(row.decidedOnTimePercent())
                    .as("%s: borough on time", name)
                    .isEqualTo(e.get("decided on time %"));
            assertThat(row.openCases()).as("%s: borough open cases", name).isEqualTo(e.get("open cases"));
            assertThat(row.drifting()).as("%s: borough drifting", name).isEqualTo(((List<?>) e.get("drifting")).size());
            assertThat(row.needsAchievedPercent()).as("%s: borough needs", name).isEqualTo(e.get("needs achieved %"));
            assertThat(row.reReferralPercent())
                    .as("%s: borough re-referrals", name)
                    .isEqualTo(e.get("re-referral %"));
            assertThat(row.stepUps()).as("%s: borough step-ups", name).isEqualTo(e.get("step-ups"));
            assertThat(row.stepDowns()).as("%s: borough step-downs", name).isEqualTo(e.get("step-downs"));
            figures += 9;
        }
        System.out.println("Independent check: " + figures + " figures in "
                + comparison.hubs().size() + " hubs agree with their own SQL over the source tables");
    }

    /** The demonstration journeys are taken in by the read models through events: wait for them. */
    private void awaitTheReadModels() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            int incomplete = count("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL");
            int requests = count("SELECT count(*) FROM referrals.request");
            if (incomplete == 0 && requests > 0 && requests == count("SELECT count(*) FROM insight.request")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read models did not catch up with the demonstration journeys in 60 s: "
                + count("SELECT count(*) FROM referrals.request") + " requests, "
                + count("SELECT count(*) FROM insight.request") + " in the read model, publications not complete: "
                + jdbc.sql("SELECT event_type || ' ' || listener_id FROM events.event_publication"
                                + " WHERE completion_date IS NULL LIMIT 5")
                        .query(String.class)
                        .list());
    }
}
