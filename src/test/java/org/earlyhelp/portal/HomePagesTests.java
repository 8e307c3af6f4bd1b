package org.earlyhelp.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.ReferralsProperties;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.work.MenuFilter;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.earlyhelp.testing.Caseloads;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21: each role's home page starts the day. What it counts is checked against the database
 * counted again here, and the menu offers no page that could only refuse.
 */
@OwnDataApplicationTest
class HomePagesTests {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final LocalDate TODAY = LocalDate.now(WorkingCalendar.LONDON);

    @Autowired
    List<WaitingWork> waitingWork;

    @Autowired
    List<MenuFilter> menuFilters;

    @Autowired
    CurrentUsers currentUsers;

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    ReferralsProperties properties;

    @Autowired
    PostcodeLookup postcodes;

    @Autowired
    JdbcClient jdbc;

    /** Family.worker leads these tests' cases: room for them, whatever the tests before left open. */
    @BeforeEach
    void roomInTheFamilyWorkersCaseload() {
        Caseloads.roomFor(jdbc, "dudley-central", "family.worker", 5);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private Map<String, WaitingItem> home() {
        CurrentUser user = currentUsers.require();
        return waitingWork.stream()
                .flatMap(w -> w.waitingFor(user).stream())
                .collect(Collectors.toMap(WaitingItem::titleKey, i -> i, (a, b) -> a));
    }

    private long countOf(Map<String, WaitingItem> home, String key) {
        WaitingItem item = home.get(key);
        return item == null ? 0 : item.count();
    }

    private CaseId caseLedByFamilyWorker(String familyName) {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        String postcode = postcodes.postcodesIn(CENTRAL, 1).getFirst();
        Submitted submitted = requests.submit(new RequestDraft(
                List.of(
                        new FamilyMemberDraft(
                                "Jade", familyName, TODAY.minusYears(30), Relationship.PARENT, "Female", null),
                        new FamilyMemberDraft("Leo", familyName, TODAY.minusYears(9), Relationship.CHILD, null, null)),
                "12 Castle Street, Dudley",
                postcode,
                null,
                null,
                Map.of(OutcomeArea.EDUCATION, "Leo has missed 30% of school this term."),
                "Attendance meetings.",
                "School nurse.",
                new ConsentDraft("Jade " + familyName, TODAY, ConsentMethod.IN_PERSON, "School"),
                null));
        CaseId caseId = NewFamilyRequests.ledByFamilyWorker(queue, submitted, CENTRAL);
        return caseId;
    }

    /** What the database holds for the family worker's open cases, counted here without the app's code. */
    private long independently(String sql) {
        return jdbc.sql(sql)
                .param("u", "family.worker")
                .param("today", TODAY)
                .query(Long.class)
                .single();
    }

    @Test
    void aPractitionersHomeCountsWhatIsDueTodayAndOverdueAsTheDatabaseHoldsIt() {
        CaseId late = caseLedByFamilyWorker("Homeone");
        // An assessment three days overdue.
        jdbc.sql("UPDATE referrals.case_file SET assessment_due = ? WHERE id = ?")
                .params(TODAY.minusDays(3), late.value())
                .update();
        CaseId planned = caseLedByFamilyWorker("Hometwo");
        cases.assess(
                planned,
                cases.caseRecord(planned).version(),
                List.of(new CaseRecord.Assessment(
                        OutcomeArea.EDUCATION, "Bright", "Late", "I hate mornings", null, "Chaos")));
        UUID outcome = cases.addOutcome(
                planned, cases.caseRecord(planned).version(), OutcomeArea.EDUCATION, "Leo attends 95% of days");
        cases.addAction(outcome, "Morning routine chart", "Fran Lewis", TODAY);
        // A review due today.
        jdbc.sql("UPDATE referrals.case_file SET next_review_due = ? WHERE id = ?")
                .params(TODAY, planned.value())
                .update();

        Map<String, WaitingItem> home = home();
        String open = "FROM referrals.case_file c WHERE c.closed_at IS NULL AND c.lead = :u";
        assertThat(countOf(home, "practitioner.overdue.assessment"))
                .isEqualTo(independently(
                        "SELECT count(*) " + open + " AND c.assessed_at IS NULL AND c.assessment_due < :today"))
                .isPositive();
        assertThat(countOf(home, "practitioner.today.assessment"))
                .isEqualTo(independently(
                        "SELECT count(*) " + open + " AND c.assessed_at IS NULL AND c.assessment_due = :today"));
        assertThat(countOf(home, "practitioner.overdue.review"))
                .isEqualTo(independently("SELECT count(*) " + open + " AND c.next_review_due < :today"));
        assertThat(countOf(home, "practitioner.today.review"))
                .isEqualTo(independently("SELECT count(*) " + open + " AND c.next_review_due = :today"))
                .isPositive();
        String nextAction = "(SELECT min(a.due_on) FROM referrals.plan_action a JOIN referrals.plan_outcome o"
                + " ON o.id = a.outcome_id WHERE o.case_id = c.id AND a.status IN ('NOT_STARTED', 'IN_PROGRESS'))";
        assertThat(countOf(home, "practitioner.overdue.action"))
                .isEqualTo(independently("SELECT count(*) " + open + " AND " + nextAction + " < :today"));
        assertThat(countOf(home, "practitioner.today.action"))
                .isEqualTo(independently("SELECT count(*) " + open + " AND " + nextAction + " = :today"))
                .isPositive();
        String contactDue = "(coalesce((SELECT max(t.happened_on) FROM referrals.contact t WHERE t.case_id = c.id),"
                + " (c.allocated_at AT TIME ZONE 'Europe/London')::date) + " + properties.drift() * 7 + ")";
        assertThat(countOf(home, "practitioner.overdue.contact"))
                .isEqualTo(independently("SELECT count(*) " + open + " AND " + contactDue + " < :today"));
        assertThat(countOf(home, "practitioner.today.contact"))
                .isEqualTo(independently("SELECT count(*) " + open + " AND " + contactDue + " = :today"));
        assertThat(countOf(home, "practitioner.open-cases"))
                .isEqualTo(independently(
                        "SELECT count(*) FROM referrals.case_file c WHERE c.closed_at IS NULL AND (c.lead = :u"
                                + " OR EXISTS (SELECT 1 FROM referrals.case_member m WHERE m.case_id = c.id"
                                + " AND m.username = :u)) AND :today IS NOT NULL"));
    }

    @Test
    void aHubLeadsHomeCountsTheChecksAfterClosingThatAreDue() {
        CaseId closing = caseLedByFamilyWorker("Homethree");
        jdbc.sql("UPDATE referrals.case_file SET closed_at = now(), close_reason = 'NEEDS_MET' WHERE id = ?")
                .param(closing.value())
                .update();
        jdbc.sql("INSERT INTO referrals.follow_up (case_id, months, due_on) VALUES (?, 6, ?)")
                .params(closing.value(), TODAY.minusDays(1))
                .update();
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        long due = jdbc.sql("""
                        SELECT count(*) FROM referrals.follow_up u JOIN referrals.case_file c ON c.id = u.case_id
                        JOIN referrals.family f ON f.id = c.family_id
                        WHERE (f.hub_id = 'dudley-central' OR c.hub_id = 'dudley-central') AND u.done_at IS NULL
                          AND u.due_on <= ?""").param(TODAY.plusWeeks(2)).query(Long.class).single();
        assertThat(countOf(home(), "hub-lead.follow-ups")).isEqualTo(due).isPositive();
        assertThat(cases.followUpsDue(CENTRAL).items())
                .filteredOn(f -> f.caseId().equals(closing))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.familyLabel()).contains("Homethree");
                    assertThat(f.overdue()).isTrue();
                });
        // The lead practitioner no longer reads the family months after closing: the checks are the hub lead's.
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThat(home()).doesNotContainKey("hub-lead.follow-ups");
    }

    @Test
    void aYoungPersonIsOfferedAWayToGiveFeedback() {
        SignedIn.as("young.person", Set.of(Role.YOUNG_PERSON), Set.of());
        assertThat(home().get("young-person.give-feedback"))
                .isNotNull()
                .satisfies(i -> assertThat(i.route()).isEqualTo("say"));
    }

    @Test
    void anAdministratorsHomeShowsSetUpTasksAndTheSystemsHealth() {
        SignedIn.as("admin", Set.of(Role.ADMIN), Set.of());
        Map<String, WaitingItem> before = home();
        assertThat(before).containsKey("admin.health.ok").doesNotContainKey("admin.health.events-waiting");
        String hub = "test-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO hubs.hub (id, name, status, population, children) VALUES (?, ?, 'PILOT', 1000, 200)")
                .params(hub, "Test hub " + hub)
                .update();
        UUID stuck = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date)
                        VALUES (?, 'test.listener', 'test.Event', '{}', now() - interval '10 minutes')""").param(stuck).update();
        try {
            Map<String, WaitingItem> after = home();
            long noLead = jdbc.sql("""
                            SELECT count(*) FROM hubs.hub h WHERE h.status <> 'PLANNED'
                              AND NOT EXISTS (SELECT 1 FROM hubs.member m WHERE m.hub_id = h.id AND m.hub_lead)""").query(Long.class).single();
            assertThat(countOf(after, "admin.hubs-without-lead"))
                    .isEqualTo(noLead)
                    .isEqualTo(countOf(before, "admin.hubs-without-lead") + 1);
            assertThat(countOf(after, "admin.hubs-without-areas"))
                    .isEqualTo(countOf(before, "admin.hubs-without-areas") + 1);
            assertThat(after).doesNotContainKey("admin.health.ok");
            assertThat(countOf(after, "admin.health.events-waiting")).isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.sql("DELETE FROM events.event_publication WHERE id = ?")
                    .param(stuck)
                    .update();
            jdbc.sql("DELETE FROM hubs.hub WHERE id = ?").param(hub).update();
        }
    }

    @Test
    void theAlertsPageIsOfferedOnlyToThoseWhoHandleAlerts() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThat(offers("voice/alerts")).as("a hub lead").isTrue();
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThat(offers("voice/alerts"))
                .as("a practitioner who is not a safeguarding lead")
                .isFalse();
        assertThat(offers("my-work")).as("other pages are not touched").isTrue();
        jdbc.sql(
                        "UPDATE hubs.member SET safeguarding_lead = true WHERE hub_id = 'dudley-central' AND username = 'cvs.worker'")
                .update();
        try {
            assertThat(offers("voice/alerts"))
                    .as("once made a safeguarding lead")
                    .isTrue();
        } finally {
            jdbc.sql("UPDATE hubs.member SET safeguarding_lead = false WHERE hub_id = 'dudley-central'"
                            + " AND username = 'cvs.worker'")
                    .update();
        }
    }

    private boolean offers(String route) {
        CurrentUser user = currentUsers.require();
        return menuFilters.stream().allMatch(f -> f.offers(route, user));
    }
}
