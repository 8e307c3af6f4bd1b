package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.WaitingWork;
import org.earlyhelp.testing.HomeCounts;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.testing.TestMailServer;
import org.earlyhelp.voice.SafeguardingAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A step-up to children's social care ends the family's early help: from then on nobody in early
 * help works with the family, and before this nobody was asked to make sure the front door had it.
 * Now a step-up, whether the hub decides a request so or a lead practitioner steps an open case up,
 * waits beside the safeguarding concerns on the hub's list and its leads' home page until a lead of
 * the hub records how they know the front door has it, and is mailed at once to the hub's
 * safeguarding leads and hub leads, naming neither the family nor the reason; and to the borough's
 * duty address too when whoever stepped the family up has not said they contacted the front door.
 * Real PostgreSQL and a real SMTP server ({@link TestMailServer}).
 */
@OwnDataApplicationTest
class StepUpChecksTests {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final Duration MAILED_WITHIN = Duration.ofSeconds(15);
    static final String DUTY = ConcernCheckFixtures.DUTY;
    static final String SUBJECT = "Family stepped up to children's social care in the";

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    ConcernChecks checks;

    @Autowired
    Families families;

    @Autowired
    HubTeams teams;

    @Autowired
    SafeguardingAlerts alerts;

    @Autowired
    List<WaitingWork> waitingWork;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static CurrentUser centralLead() {
        return SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));
    }

    @Test
    void anOpenCaseSteppedUpWaitsForAHubLeadToCheckItWithTheFrontDoor() throws Exception {
        dutyAddressSet();
        othersMailed();
        List<String> told = told();
        List<Integer> before =
                told.stream().map(a -> TestMailServer.to(a, SUBJECT).size()).toList();
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Stepup");
        CaseId caseId = NewFamilyRequests.ledByFamilyWorker(queue, submitted, CENTRAL);
        CurrentUser worker = SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        String surname = surnameOf(submitted);
        String reason = "Leo " + surname + " told his teacher his mother's partner hit him.";
        cases.stepUp(caseId, cases.caseRecord(caseId).version(), reason, false);

        // Mailed at once to the hub's safeguarding leads and hub leads and, the front door not yet
        // contacted, to the duty address, naming who stepped the family up, neither the family nor
        // the reason.
        for (int i = 0; i < told.size(); i++) {
            List<MimeMessage> mails = TestMailServer.await(told.get(i), SUBJECT, before.get(i) + 1, MAILED_WITHIN);
            assertThat(mails).as("the step-up's mail to " + told.get(i)).hasSizeGreaterThan(before.get(i));
            assertThat(mails.getLast().getSubject() + "\n" + mails.getLast().getContent())
                    .contains(worker.displayName())
                    .contains("closing its early help")
                    .contains("FRONT DOOR NOT YET CONTACTED")
                    .doesNotContain(surname)
                    .doesNotContain("hit him");
        }

        // On the hub lead's list and home page, with who stepped it up and why.
        CurrentUser lead = centralLead();
        ConcernToCheck waiting = awaitMailed(submitted.request());
        assertThat(waiting.kind()).isEqualTo(ConcernToCheck.Kind.STEP_UP);
        assertThat(waiting.referrerName()).isEqualTo(worker.displayName());
        assertThat(waiting.referrerOrganisation()).isNull();
        assertThat(waiting.concern()).isEqualTo(reason);
        assertThat(waiting.frontDoorContacted()).isFalse();
        assertThat(waiting.family()).isEqualTo(submitted.family());
        assertThat(waiting.mailedTo()).contains(DUTY).contains(told.getFirst());
        int count = checks.countWaiting(CENTRAL);
        assertThat(HomeCounts.of(waitingWork, lead, "hub-lead.concerns-to-check"))
                .isEqualTo(count);

        // Another hub's lead neither reads nor checks it.
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> checks.check(submitted.request(), waiting.version(), "Called MASH"))
                .isInstanceOf(AccessDeniedException.class);

        // Checked by a lead of the hub: off the list, and on the family's timeline.
        centralLead();
        String note = "Spoke to the front door's duty social worker, reference FD-" + surname + ".";
        checks.check(submitted.request(), waiting.version(), note);
        assertThat(checks.waiting(CENTRAL).items())
                .extracting(ConcernToCheck::request)
                .doesNotContain(submitted.request());
        assertThat(checks.countWaiting(CENTRAL)).isEqualTo(count - 1);
        assertThat(families.family(submitted.family()).timeline()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("step-up-check");
            assertThat(e.by()).isEqualTo(lead.displayName());
            assertThat(e.more()).isNotNull();
            assertThat(e.more().english()).isEqualTo(note);
        });
    }

    @Test
    void aRequestTheHubDecidesToStepUpWaitsForACheckTooAndSparesTheDutyAddressWhenTheFrontDoorHasBeenCalled()
            throws Exception {
        dutyAddressSet();
        othersMailed();
        String leadAddress = told().getFirst();
        int before = TestMailServer.to(leadAddress, SUBJECT).size();
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Decided");
        CurrentUser lead = centralLead();
        String reasons = "Risk of significant harm: the front door must take this on.";
        queue.decide(
                submitted.request(),
                queue.detail(submitted.request()).summary().version(),
                NeedLevel.SPECIALIST,
                DecisionOutcome.STEP_UP,
                reasons,
                true);
        ConcernToCheck waiting = awaitMailed(submitted.request());
        assertThat(waiting.kind()).isEqualTo(ConcernToCheck.Kind.STEP_UP);
        assertThat(waiting.referrerName()).isEqualTo(lead.displayName());
        assertThat(waiting.concern()).isEqualTo(reasons);
        assertThat(waiting.frontDoorContacted()).isTrue();
        assertThat(waiting.mailedTo()).contains(leadAddress).doesNotContain(DUTY);
        assertThat(TestMailServer.await(leadAddress, SUBJECT, before + 1, MAILED_WITHIN))
                .hasSizeGreaterThan(before)
                .last()
                .satisfies(mail -> assertThat(mail.getSubject() + "\n" + mail.getContent())
                        .doesNotContain("closing its early help")
                        .doesNotContain("NOT YET CONTACTED")
                        .contains("They said they had already contacted the front door."));
    }

    @Test
    void aSafeguardingConcernIsListedOnceAsAConcernNotAgainAsAStepUp() throws Exception {
        dutyAddressSet();
        String postcode =
                jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = ? ORDER BY p.postcode LIMIT 1""").param(CENTRAL.value()).query(String.class).single();
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        RequestId concern = requests.recordSafeguardingConcern(
                new SafeguardingConcern("Ava Once", postcode, "Says she is hit at home.", true, null));
        centralLead();
        ConcernToCheck waiting = awaitMailed(concern);
        assertThat(waiting.kind()).isEqualTo(ConcernToCheck.Kind.CONCERN);
        assertThat(checks.waiting(CENTRAL).items())
                .filteredOn(c -> c.request().equals(concern))
                .hasSize(1);
        assertThat(waiting.mailedTo()).doesNotContain(DUTY);
    }

    /**
     * Waits until every step-up of the hub recorded before (by another test of this application) has
     * been mailed, so that its mail is not taken for this test's.
     */
    private void othersMailed() throws InterruptedException {
        long deadline = System.nanoTime() + MAILED_WITHIN.toNanos();
        while (jdbc.sql("""
                                SELECT count(*) FROM referrals.concern_check k JOIN referrals.request r ON r.id = k.request_id
                                WHERE r.hub_id = ? AND k.raised_by IS NOT NULL AND k.mailed_at IS NULL""").param(CENTRAL.value()).query(Integer.class).single() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void dutyAddressSet() {
        ConcernCheckFixtures.dutyAddressSet(alerts);
    }

    private List<String> told() {
        List<String> to = new ArrayList<>(ConcernCheckFixtures.hubsLeadsAddresses(teams, CENTRAL));
        to.add(DUTY);
        return to;
    }

    private String surnameOf(Submitted submitted) {
        return jdbc.sql("SELECT family_name FROM referrals.person WHERE family_id = ? LIMIT 1")
                .param(submitted.family().value())
                .query(String.class)
                .single();
    }

    /** The hub's list entry for the request, once the listener has recorded its mail as sent. */
    private ConcernToCheck awaitMailed(RequestId request) throws InterruptedException {
        centralLead();
        long deadline = System.nanoTime() + MAILED_WITHIN.toNanos();
        while (true) {
            ConcernToCheck listed = checks.waiting(CENTRAL).items().stream()
                    .filter(c -> c.request().equals(request))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not on the hub lead's list"));
            if (listed.mailedTo() != null || System.nanoTime() > deadline) {
                return listed;
            }
            Thread.sleep(100);
        }
    }
}
