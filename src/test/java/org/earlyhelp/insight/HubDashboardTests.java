package org.earlyhelp.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.assertj.core.groups.Tuple;
import org.earlyhelp.insight.HubDashboard.Dashboard;
import org.earlyhelp.insight.HubDashboard.DriftReason;
import org.earlyhelp.insight.internal.Projections;
import org.earlyhelp.referrals.AssessmentCompleted;
import org.earlyhelp.referrals.CaseAllocated;
import org.earlyhelp.referrals.CaseClosed;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseSupervised;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.ContactLogged;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamiliesLinked;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.RequestDecided;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestSubmitted;
import org.earlyhelp.referrals.ReviewHeld;
import org.earlyhelp.referrals.SteppedUp;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.ThemeConfirmed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard's read models, fed by the referrals module's events as they will be published:
 * until referrals publishes them itself, this test publishes them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = "earlyhelp.demo.journeys=false")
class HubDashboardTests {

    private static final HubId CENTRAL = new HubId("dudley-central");
    private static final Instant NOW = Instant.now();

    @Autowired
    HubDashboard dashboards;

    @Autowired
    Projections projections;

    @Autowired
    JdbcClient jdbc;

    /** Read straight from the read models: the waiting happens on another thread, signed out. */
    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @BeforeEach
    void signInAsTheHubLead() {
        projections.clear();
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static RequestSubmitted submitted(RequestId request, String family, int daysAgo, boolean reReferral) {
        return new RequestSubmitted(
                request,
                FamilyId.random(),
                family,
                CENTRAL,
                null,
                daysAgo(daysAgo),
                daysAgo(daysAgo - 1),
                reReferral,
                false);
    }

    private Dashboard dashboard() {
        return dashboards.of(CENTRAL);
    }

    @Test
    void aNewRequestWaitsForADecisionWithItsClock(Scenario scenario) {
        RequestId fresh = RequestId.random();
        RequestId late = RequestId.random();
        scenario.publish(submitted(fresh, "Khan family", 0, false))
                .andWaitForStateChange(() ->
                        count("SELECT count(*) FROM insight.request WHERE decided_at IS NULL") == 1 ? true : null);
        scenario.publish(submitted(late, "Smith family", 3, false))
                .andWaitForStateChange(() ->
                        count("SELECT count(*) FROM insight.request WHERE decided_at IS NULL") == 2 ? true : null);

        Dashboard d = dashboard();
        assertThat(d.awaiting())
                .extracting(HubDashboard.Awaiting::familyLabel)
                .containsExactly("Smith family", "Khan family");
        assertThat(d.awaiting().get(0).overdue()).isTrue();
        assertThat(d.awaiting().get(1).overdue()).isFalse();
    }

    @Test
    void decisionsOnTimeAndLateMakeTheShareDecidedOnTime(Scenario scenario) {
        RequestId onTime = RequestId.random();
        RequestId late = RequestId.random();
        projections.apply(submitted(onTime, "Ali family", 10, false));
        projections.apply(submitted(late, "Brown family", 10, false));
        scenario.publish(new RequestDecided(
                        onTime, CENTRAL, daysAgo(10).plusSeconds(3600), NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP))
                .andWaitForStateChange(() ->
                        count("SELECT count(*) FROM insight.request WHERE decided_at IS NULL") == 1 ? true : null);
        scenario.publish(new RequestDecided(late, CENTRAL, daysAgo(5), NeedLevel.SINGLE_AGENCY, DecisionOutcome.ADVICE))
                .andWaitForStateChange(() ->
                        count("SELECT count(*) FROM insight.request WHERE decided_at IS NULL") == 0 ? true : null);

        Dashboard d = dashboard();
        assertThat(d.decidedOnTimePercent()).isEqualTo(50.0);
        assertThat(d.unallocated()).isEqualTo(1);

        // A request past its deadline and still undecided is not on time: one of three now.
        projections.apply(submitted(RequestId.random(), "Cole family", 3, false));
        assertThat(dashboard().decidedOnTimePercent()).isEqualTo(33.3);
        // One still within its deadline is neither.
        projections.apply(submitted(RequestId.random(), "Dean family", 0, false));
        assertThat(dashboard().decidedOnTimePercent()).isEqualTo(33.3);
    }

    @Test
    void theLast12MonthsAreThisMonthAndTheElevenBeforeOnEveryFigure() {
        ZoneId london = ZoneId.of("Europe/London");
        YearMonth first = YearMonth.now(london).minusMonths(11);
        Instant windowStart = first.atDay(1).atStartOfDay(london).toInstant();
        String area = jdbc.sql("SELECT code FROM hubs.area WHERE hub_id = ? ORDER BY code LIMIT 1")
                .param(CENTRAL.value())
                .query(String.class)
                .single();
        for (Instant at : List.of(windowStart.minusSeconds(3600), windowStart.plusSeconds(3600))) {
            projections.apply(new RequestSubmitted(
                    RequestId.random(),
                    FamilyId.random(),
                    "Edge family",
                    CENTRAL,
                    area,
                    at,
                    at.plusSeconds(86_400),
                    true,
                    false));
        }
        Dashboard d = dashboard();
        int inTrend = d.trend().stream().mapToInt(HubDashboard.Month::requests).sum();
        int inReach = d.reach().stream().mapToInt(HubDashboard.Reach::requests).sum();
        assertThat(inTrend).as("the trend's 12 months").isEqualTo(1);
        assertThat(inReach).as("reach counts the same 12 months as the trend").isEqualTo(inTrend);
        assertThat(d.reReferrals12m()).isEqualTo(1);
    }

    @Test
    void caseloadsDriftAndOutcomesFollowTheCases(Scenario scenario) {
        RequestId request = RequestId.random();
        CaseId quiet = CaseId.random();
        CaseId busy = CaseId.random();
        projections.apply(submitted(request, "Evans family", 60, false));
        projections.apply(
                new RequestDecided(request, CENTRAL, daysAgo(59), NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP));
        projections.apply(new CaseAllocated(
                quiet,
                request,
                FamilyId.random(),
                "Evans family",
                CENTRAL,
                "Fran Lewis",
                daysAgo(45),
                LocalDate.now().plusDays(20),
                "family.worker"));
        projections.apply(new CaseAllocated(
                busy,
                request,
                FamilyId.random(),
                "Green family",
                CENTRAL,
                "Fran Lewis",
                daysAgo(40),
                LocalDate.now().minusDays(2),
                "family.worker"));
        scenario.publish(new ContactLogged(UUID.randomUUID(), busy, CENTRAL, daysAgo(1), true))
                .andWaitForStateChange(
                        () -> count("SELECT coalesce(sum(contacts), 0) FROM insight.monthly") == 1 ? true : null);

        Dashboard d = dashboard();
        assertThat(d.unallocated()).isZero();
        assertThat(d.openCases()).isEqualTo(2);
        assertThat(d.caseloads())
                .filteredOn(c -> c.username().equals("family.worker"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.name()).isEqualTo("Fran Lewis");
                    assertThat(c.openCases()).isEqualTo(2);
                    assertThat(c.capacity()).isPositive();
                    assertThat(c.overCapacity()).isFalse();
                });
        assertThat(d.caseloads())
                .extracting(HubDashboard.Caseload::name)
                .as("each worker listed once, their cases beside their capacity")
                .doesNotHaveDuplicates();
        assertThat(d.drift())
                .extracting(HubDashboard.Drift::familyLabel, HubDashboard.Drift::reason)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("Evans family", DriftReason.NO_CONTACT),
                        Tuple.tuple("Green family", DriftReason.ASSESSMENT_OVERDUE));

        scenario.publish(new AssessmentCompleted(
                        busy, CENTRAL, daysAgo(0), true, LocalDate.now().plusWeeks(6)))
                .andWaitForStateChange(
                        () -> count("SELECT count(*) FROM insight.case_file WHERE assessment_done_at IS NOT NULL") == 1
                                ? true
                                : null);
        scenario.publish(new CaseClosed(quiet, CENTRAL, daysAgo(0), ClosureReason.NEEDS_MET, 4, 3))
                .andWaitForStateChange(() ->
                        count("SELECT count(*) FROM insight.case_file WHERE closed_at IS NULL") == 1 ? true : null);
        Dashboard after = dashboard();
        assertThat(after.driftCount()).isZero();
        assertThat(after.needsAchievedPercent()).isEqualTo(75.0);
        assertThat(after.closures12m()).isEqualTo(1);
    }

    @Test
    void aContactThatArrivesBeforeItsCasesAllocationLeavesTheDashboardWhole() {
        CaseId caseId = CaseId.random();
        projections.apply(new ContactLogged(UUID.randomUUID(), caseId, CENTRAL, daysAgo(40), true));
        assertThat(jdbc.sql("SELECT count(*) FROM insight.case_row WHERE id = ? AND allocated_at IS NULL")
                        .param(caseId.value())
                        .query(Integer.class)
                        .single())
                .as("the contact's row waits for its allocation")
                .isEqualTo(1);

        Dashboard d = dashboard();
        assertThat(d.drift())
                .extracting(HubDashboard.Drift::caseId)
                .as("a case not yet allocated is not drifting: nobody leads it yet")
                .doesNotContain(caseId.value());
    }

    @Test
    void aCasesRowIsTheSameWhateverOrderItsEventsArriveIn() {
        LocalDate firstReview = LocalDate.now().plusWeeks(6);
        LocalDate nextReview = LocalDate.now().plusMonths(3);
        Instant assessed = daysAgo(50);
        Instant reviewed = daysAgo(1);
        Instant contacted = daysAgo(1).plusSeconds(60);
        Set<String> results = new LinkedHashSet<>();
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : orders) {
            RequestId request = RequestId.random();
            CaseId caseId = CaseId.random();
            projections.apply(submitted(request, "Order family", 60, false));
            projections.apply(
                    new RequestDecided(request, CENTRAL, daysAgo(59), NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP));
            projections.apply(new CaseAllocated(
                    caseId,
                    request,
                    FamilyId.random(),
                    "Order family",
                    CENTRAL,
                    "Fran Lewis",
                    daysAgo(58),
                    LocalDate.now().minusDays(30),
                    "family.worker"));
            projections.apply(new CaseSupervised(
                    UUID.randomUUID(), caseId, CENTRAL, LocalDate.now().minusDays(3), NOW));
            List<Runnable> transaction = List.of(
                    () -> projections.apply(new AssessmentCompleted(caseId, CENTRAL, assessed, true, firstReview)),
                    () -> projections.apply(new ReviewHeld(caseId, CENTRAL, reviewed, nextReview)),
                    () -> projections.apply(new ContactLogged(UUID.randomUUID(), caseId, CENTRAL, contacted, true)));
            for (int i : order) {
                transaction.get(i).run();
            }
            results.add(jdbc.sql("""
                            SELECT assessment_done_at || '|' || last_review_at || '|' || next_review_due || '|' || contacts
                            FROM insight.case_file WHERE id = ?""").param(caseId.value()).query(String.class).single());
            assertThat(jdbc.sql("SELECT next_review_due FROM insight.case_file WHERE id = ?")
                            .param(caseId.value())
                            .query(LocalDate.class)
                            .single())
                    .as("the review held sets the next review, in order %s", Arrays.toString(order))
                    .isEqualTo(nextReview);
        }
        assertThat(results).as("one result for all six orders").hasSize(1);
        assertThat(dashboard().drift())
                .filteredOn(d -> d.familyLabel().equals("Order family"))
                .as("a case whose review was held (and supervised) is not 'review overdue'")
                .isEmpty();
    }

    @Test
    void aCaseWithoutSupervisionForSixWeeksDriftsUntilSupervisedWhateverTheOrder() {
        RequestId request = RequestId.random();
        CaseId caseId = CaseId.random();
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        // Supervised 50 days ago, before the row's other events arrive: the row keeps it.
        projections.apply(new CaseSupervised(UUID.randomUUID(), caseId, CENTRAL, today.minusDays(50), daysAgo(50)));
        projections.apply(submitted(request, "Oversight family", 70, false));
        projections.apply(
                new RequestDecided(request, CENTRAL, daysAgo(69), NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP));
        projections.apply(new CaseAllocated(
                caseId,
                request,
                FamilyId.random(),
                "Oversight family",
                CENTRAL,
                "Fran Lewis",
                daysAgo(68),
                today.plusDays(5),
                "family.worker"));
        projections.apply(new ContactLogged(UUID.randomUUID(), caseId, CENTRAL, daysAgo(1), true));

        assertThat(dashboard().drift())
                .filteredOn(d -> d.caseId().equals(caseId.value()))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.reason()).isEqualTo(DriftReason.NO_OVERSIGHT);
                    assertThat(d.due()).isEqualTo(today.minusDays(50).plusWeeks(6));
                });

        // A recent supervision takes the case off the list; an older one delivered late does not put it back.
        projections.apply(new CaseSupervised(UUID.randomUUID(), caseId, CENTRAL, today.minusDays(2), daysAgo(2)));
        assertThat(dashboard().drift())
                .filteredOn(d -> d.caseId().equals(caseId.value()))
                .isEmpty();
        projections.apply(new CaseSupervised(UUID.randomUUID(), caseId, CENTRAL, today.minusDays(60), daysAgo(60)));
        assertThat(dashboard().drift())
                .filteredOn(d -> d.caseId().equals(caseId.value()))
                .isEmpty();
    }

    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void theReadModelsAreRebuiltFromTheArchivedEvents(Scenario scenario) {
        RequestId request = RequestId.random();
        CaseId caseId = CaseId.random();
        scenario.publish(submitted(request, "Ward family", 20, false))
                .andWaitForStateChange(() -> count("SELECT count(*) FROM insight.request") == 1 ? true : null);
        scenario.publish(new RequestDecided(
                        request, CENTRAL, daysAgo(20), NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP))
                .andWaitForStateChange(() ->
                        count("SELECT count(*) FROM insight.request WHERE decided_at IS NOT NULL") == 1 ? true : null);
        scenario.publish(new CaseAllocated(
                        caseId,
                        request,
                        FamilyId.random(),
                        "Ward family",
                        CENTRAL,
                        "Vic Adeyemi",
                        daysAgo(19),
                        LocalDate.now(),
                        "cvs.worker"))
                .andWaitForStateChange(() -> count("SELECT count(*) FROM insight.case_file") == 1 ? true : null);
        scenario.publish(new ContactLogged(UUID.randomUUID(), caseId, CENTRAL, daysAgo(2), false))
                .andWaitForStateChange(
                        () -> count("SELECT coalesce(sum(contacts), 0) FROM insight.monthly") == 1 ? true : null);
        // The archive is written when each listener completes; wait for the last one.
        scenario.stimulate(() -> {})
                .andWaitForStateChange(() ->
                        count("SELECT count(*) FROM events.event_publication_archive WHERE serialized_event LIKE '%"
                                                + caseId.value() + "%'")
                                        >= 2
                                ? true
                                : null);
        Dashboard before = dashboard();

        SignedIn.admin();
        assertThat(rebuild.rebuild()).isGreaterThanOrEqualTo(4);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        Dashboard after = dashboard();
        assertThat(after.openCases()).isEqualTo(before.openCases()).isEqualTo(1);
        assertThat(after.decidedOnTimePercent()).isEqualTo(before.decidedOnTimePercent());
        assertThat(after.trend()).isEqualTo(before.trend());
        assertThat(after.caseloads()).isEqualTo(before.caseloads());
    }

    @Autowired
    BoroughComparison borough;

    @Test
    void theBoroughComparesHubsAndPilotsAgainstTheOthersWithoutNames() {
        projections.apply(submitted(RequestId.random(), "Reed family", 3, false));
        projections.apply(submitted(RequestId.random(), "Shaw family", 2, false));
        projections.apply(new RequestSubmitted(
                RequestId.random(),
                FamilyId.random(),
                "Cole family",
                new HubId("halesowen"),
                null,
                daysAgo(1),
                daysAgo(0),
                false,
                false));
        BoroughComparison.Comparison c = borough.compare();
        assertThat(c.hubs()).hasSize(6);
        BoroughComparison.HubRow central = c.hubs().stream()
                .filter(r -> r.hub().id().equals(CENTRAL))
                .findFirst()
                .orElseThrow();
        assertThat(central.requests()).isEqualTo(2);
        assertThat(central.requestsPer10000Children())
                .isCloseTo(2 * 10_000.0 / central.hub().children(), Offset.offset(0.001));
        // Dudley Central is a pilot hub; Halesowen is not.
        BoroughComparison.PilotMonth last = c.pilotAgainstOthers().getLast();
        assertThat(c.pilotAgainstOthers()).hasSize(12);
        assertThat(c.pilotAgainstOthers().stream()
                        .mapToDouble(BoroughComparison.PilotMonth::pilotRequestsPer10000)
                        .sum())
                .isPositive();
        assertThat(c.pilotAgainstOthers().stream()
                        .mapToDouble(BoroughComparison.PilotMonth::otherRequestsPer10000)
                        .sum())
                .isPositive();
        assertThat(last.month()).isEqualTo(YearMonth.now(ZoneId.of("Europe/London")));
        assertThat(c.toString()).doesNotContain("Reed family", "Cole family");

        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> borough.compare()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEventDeliveredTwiceIsCountedOnce() {
        RequestId request = RequestId.random();
        RequestSubmitted event = submitted(request, "Patel family", 2, true);
        projections.apply(event);
        projections.apply(event);
        SteppedUp up = new SteppedUp(request, null, CENTRAL, daysAgo(1));
        projections.apply(up);
        projections.apply(up);
        Dashboard d = dashboard();
        assertThat(d.trend().stream().mapToInt(HubDashboard.Month::requests).sum())
                .isEqualTo(1);
        assertThat(d.reReferrals12m()).isEqualTo(1);
        assertThat(d.reReferralPercent()).isEqualTo(100.0);
        assertThat(d.stepUps12m()).isEqualTo(1);
    }

    @Test
    void confirmedFeedbackThemesAreCountedOncePerHubWithoutWhoSaidIt(Scenario scenario) {
        UUID feedback = UUID.randomUUID();
        scenario.publish(new ThemeConfirmed(feedback, CENTRAL, "Feeling listened to", daysAgo(3)))
                .andWaitForStateChange(
                        () -> count("SELECT coalesce(sum(count), 0) FROM insight.theme_monthly") == 1 ? true : null);
        projections.apply(new ThemeConfirmed(feedback, CENTRAL, "Feeling listened to", daysAgo(3)));
        projections.apply(new ThemeConfirmed(UUID.randomUUID(), CENTRAL, "Feeling listened to", daysAgo(2)));
        projections.apply(new ThemeConfirmed(UUID.randomUUID(), CENTRAL, "Distance from home", daysAgo(1)));
        projections.apply(new ThemeConfirmed(UUID.randomUUID(), new HubId("halesowen"), "School", daysAgo(1)));
        assertThat(dashboard().themes())
                .containsExactly(
                        new HubDashboard.Theme("Feeling listened to", 2),
                        new HubDashboard.Theme("Distance from home", 1));
    }

    @Test
    void eventsInAnyOrderAndDeliveredTwiceLeaveTheSameReadModels() {
        FamilyId family = FamilyId.random();
        FamilyId known = FamilyId.random();
        RequestId request = RequestId.random();
        RequestId later = RequestId.random();
        CaseId caseId = CaseId.random();
        LocalDate today = LocalDate.ofInstant(NOW, ZoneId.of("Europe/London"));
        List<Object> journey = List.of(
                new RequestSubmitted(
                        request, family, "Khan family", CENTRAL, null, daysAgo(40), daysAgo(39), false, false),
                new RequestDecided(
                        request,
                        CENTRAL,
                        daysAgo(40).plusSeconds(3600),
                        NeedLevel.TARGETED,
                        DecisionOutcome.EARLY_HELP),
                new CaseAllocated(
                        caseId,
                        request,
                        family,
                        "Khan family",
                        CENTRAL,
                        "Sam Lead",
                        daysAgo(39),
                        today.minusDays(30),
                        "sam.lead"),
                new AssessmentCompleted(caseId, CENTRAL, daysAgo(31), true, today.minusDays(10)),
                new ContactLogged(UUID.randomUUID(), caseId, CENTRAL, daysAgo(20), true),
                new ContactLogged(UUID.randomUUID(), caseId, CENTRAL, daysAgo(12), false),
                new ReviewHeld(caseId, CENTRAL, daysAgo(9), today.plusDays(80)),
                new FamiliesLinked(family, known, "Khan family (known)", List.of(request), daysAgo(8)),
                new RequestSubmitted(later, family, "Khan family", CENTRAL, null, daysAgo(6), daysAgo(3), false, false),
                // Decided after its due time: a decision, but not on time.
                new RequestDecided(later, CENTRAL, daysAgo(2), NeedLevel.SPECIALIST, DecisionOutcome.STEP_UP),
                new SteppedUp(later, null, CENTRAL, daysAgo(2)),
                new CaseClosed(caseId, CENTRAL, daysAgo(1), ClosureReason.NEEDS_MET, 3, 2));
        journey.forEach(projections::apply);
        String inOrder = readModels();
        assertThat(inOrder)
                .as("the request is filed under the known family and counted once as a re-referral")
                .contains("Khan family (known)")
                .doesNotContain("|Khan family|");
        assertThat(count("SELECT sum(re_referrals) FROM insight.monthly")).isEqualTo(1);
        assertThat(count("SELECT sum(decided) FROM insight.monthly")).isEqualTo(2);
        assertThat(count("SELECT sum(decided_on_time) FROM insight.monthly")).isEqualTo(1);
        assertThat(count("SELECT sum(contacts) FROM insight.monthly")).isEqualTo(2);

        List<List<Object>> orders = new ArrayList<>();
        orders.add(journey.reversed());
        Random random = new Random(17);
        for (int i = 0; i < 8; i++) {
            List<Object> shuffled = new ArrayList<>(journey);
            Collections.shuffle(shuffled, random);
            orders.add(shuffled);
        }
        for (List<Object> order : orders) {
            projections.clear();
            order.forEach(projections::apply);
            order.forEach(projections::apply);
            assertThat(readModels()).as("applied twice in the order %s", order).isEqualTo(inOrder);
        }
    }

    @Test
    void aRecordShowsOnTheDashboardOnlyOnceTheEventThatCreatesItHasArrived() {
        RequestId request = RequestId.random();
        CaseId caseId = CaseId.random();
        projections.apply(new RequestDecided(request, CENTRAL, NOW, NeedLevel.UNIVERSAL, DecisionOutcome.ADVICE));
        projections.apply(new ContactLogged(UUID.randomUUID(), caseId, CENTRAL, NOW, true));
        assertThat(count("SELECT count(*) FROM insight.request")).isZero();
        assertThat(count("SELECT count(*) FROM insight.case_file")).isZero();
        Dashboard before = dashboard();
        assertThat(before.awaitingCount()).isZero();
        assertThat(before.caseloads()).allMatch(c -> c.openCases() == 0);
        projections.apply(submitted(request, "Jones family", 1, false));
        assertThat(count("SELECT count(*) FROM insight.request")).isOne();
    }

    /** Every read model's rows, in a fixed order, as text. */
    private String readModels() {
        StringBuilder out = new StringBuilder();
        for (String sql : List.of(
                "SELECT * FROM insight.request_row ORDER BY submitted_at, id",
                "SELECT * FROM insight.case_row ORDER BY id",
                "SELECT * FROM insight.monthly ORDER BY hub_id, month",
                "SELECT * FROM insight.family_link ORDER BY from_id",
                "SELECT count(*) FROM insight.contact_seen")) {
            jdbc.sql(sql).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                StringBuilder row = new StringBuilder("|");
                for (int c = 1; c <= columns; c++) {
                    row.append(rs.getString(c)).append('|');
                }
                out.append(row).append('\n');
            });
            out.append("--\n");
        }
        return out.toString();
    }

    @Test
    void otherHubsLeadsAreRefusedAndPractitionersSeeFiguresWithoutNames() {
        projections.apply(submitted(RequestId.random(), "Jones family", 0, false));
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> dashboards.of(CENTRAL)).isInstanceOf(AccessDeniedException.class);
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        Dashboard d = dashboards.of(CENTRAL);
        assertThat(d.withNames()).isFalse();
        assertThat(d.awaitingCount()).isEqualTo(1);
        assertThat(d.awaiting()).isEmpty();
        assertThat(d.caseloads()).isEmpty();
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        assertThatThrownBy(() -> dashboards.of(CENTRAL)).isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    StepUpTrend stepUpTrend;

    @Test
    void stepUpsOfTheLastTwelveMonthsAgainstTheTwelveBeforeGiveTheShareForSufficiency() {
        YearMonth last = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
        // 24 months of two hubs: 20 step-ups in the year before (the month 24 ago counted), 15 in
        // the last year; the current month and the month 25 ago are outside and must not count.
        int[][] rows = {{0, 3, 9}, {11, 2, 1}, {12, 5, 0}, {23, 7, 0}, {-1, 40, 0}, {24, 40, 0}};
        String[] hubs = {"dudley-central", "halesowen"};
        for (int[] r : rows) {
            for (String hub : hubs) {
                jdbc.sql("INSERT INTO insight.monthly (hub_id, month, step_ups, closures) VALUES (?, ?, ?, ?)")
                        .params(hub, last.minusMonths(r[0]).atDay(1), r[1], r[2])
                        .update();
            }
        }
        // last year: (3 + 2) x 2 = 10; the year before: (5 + 7) x 2 = 24; closures 20.
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        StepUpTrend.StepUps trend = stepUpTrend.lastTwoYears();
        assertThat(trend.lastYearEnds()).isEqualTo(last);
        assertThat(trend.stepUpsLastYear()).isEqualTo(10);
        assertThat(trend.stepUpsYearBefore()).isEqualTo(24);
        assertThat(trend.closuresLastYear()).isEqualTo(20);
        assertThat(trend.fall()).hasValueSatisfying(f -> assertThat(f).isCloseTo(14.0 / 24, Offset.offset(1e-9)));
        assertThat(new StepUpTrend.StepUps(last, 30, 24, 0).fall()).contains(0.0);
        assertThat(new StepUpTrend.StepUps(last, 3, 0, 0).fall()).isEmpty();

        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(stepUpTrend::lastTwoYears).isInstanceOf(AccessDeniedException.class);
    }
}
