package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.work.WaitingWork;
import org.earlyhelp.testing.HomeCounts;
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
 * A safeguarding concern recorded through the request form's shutter (a child may be at risk of
 * significant harm) cannot go unseen: it is recorded as a step-up, decided at once, so it never
 * waits in the hub's queue, and before this it reached nobody. Now its hub's safeguarding leads and
 * hub leads are mailed at once (and the borough's duty address when the referrer had not contacted
 * the front door), with no child's name or words in the mail; it waits on the hub lead's queue and
 * home page until a lead of the hub records how they know the front door has it; nobody else may
 * read or check it. Real PostgreSQL and a real SMTP server ({@link TestMailServer}).
 */
@OwnDataApplicationTest
class SafeguardingConcernChecksTests {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final Duration MAILED_WITHIN = Duration.ofSeconds(15);
    static final String DUTY = ConcernCheckFixtures.DUTY;

    @Autowired
    RequestsForSupport requests;

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

    private String postcodeInCentral() {
        return ConcernCheckFixtures.postcodeIn(jdbc, CENTRAL);
    }

    /** A concern about a child of a name of its own, by a teacher, who had or had not called the front door. */
    private RequestId concern(String child, String worry, boolean frontDoorContacted) {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        try {
            return requests.recordSafeguardingConcern(
                    new SafeguardingConcern(child, postcodeInCentral(), worry, frontDoorContacted, null));
        } finally {
            SignedIn.nobody();
        }
    }

    private List<String> hubsLeadsAddresses() {
        return ConcernCheckFixtures.hubsLeadsAddresses(teams, CENTRAL);
    }

    private static String text(MimeMessage mail) throws Exception {
        return mail.getSubject() + "\n" + mail.getContent();
    }

    private int audited(String action, String recordType, String recordId, String detailsHolding) {
        return jdbc.sql("""
                        SELECT count(*) FROM audit.entry
                        WHERE action = ? AND record_type = ? AND record_id = ? AND details LIKE ?""")
                .params(action, recordType, recordId, "%" + detailsHolding + "%")
                .query(Integer.class)
                .single();
    }

    @Test
    void aConcernReachesTheHubsLeadsAtOnceAndWaitsUntilOneChecksItWithTheFrontDoor() throws Exception {
        ConcernCheckFixtures.dutyAddressSet(alerts);
        String child = "Mia Concern" + UUID.randomUUID().toString().substring(0, 8);
        String surname = child.substring(child.indexOf(' ') + 1);
        String worry = "Bruises on her arms, and she says she is scared to go home tonight";
        String subject = "FRONT DOOR NOT YET CONTACTED: safeguarding concern recorded in the";
        List<String> told = new ArrayList<>(hubsLeadsAddresses());
        told.add(DUTY);
        Map<String, Integer> before = new HashMap<>();
        told.forEach(a -> before.put(a, TestMailServer.to(a, subject).size()));
        RequestId request = concern(child, worry, false);

        // Mailed at once to each of the hub's safeguarding leads and hub leads, and, as the teacher
        // had not called the front door, to the borough's duty address: naming neither the child
        // nor what the teacher wrote.
        for (String address : told) {
            List<MimeMessage> mails = TestMailServer.await(address, subject, before.get(address) + 1, MAILED_WITHIN);
            assertThat(mails).as("the concern's mail to " + address).hasSizeGreaterThan(before.get(address));
            MimeMessage mail = mails.getLast();
            assertThat(text(mail))
                    .as("names the referrer, not the child")
                    .contains("teacher (")
                    .contains("NOT yet contacted the front door")
                    .doesNotContain(surname)
                    .doesNotContain("Bruises")
                    .doesNotContain("scared");
        }

        // Waiting on the hub lead's queue and counted on their home page, with what was written.
        awaitMarkedMailed(request);
        CurrentUser lead = centralLead();
        ConcernToCheck waiting = waitingOnTheList(request);
        assertThat(waiting.concern())
                .contains(child)
                .contains(worry)
                .contains("Referrer told to contact the front door");
        assertThat(waiting.frontDoorContacted()).isFalse();
        assertThat(waiting.mailedTo()).contains(DUTY);
        int count = checks.countWaiting(CENTRAL);
        assertThat(count).isGreaterThanOrEqualTo(1);
        assertThat(HomeCounts.of(waitingWork, lead, "hub-lead.concerns-to-check"))
                .isEqualTo(count);
        assertThat(audited("view", "safeguarding-concerns", CENTRAL.value(), request.toString()))
                .as("the list's read is audited with the concern it showed")
                .isEqualTo(1);
        FamilyId family = familyOf(request);

        // Nobody else reads or checks it: not another hub's lead, not a practitioner of the hub.
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> checks.waiting(CENTRAL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checks.check(request, waiting.version(), "Called MASH"))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        assertThatThrownBy(() -> checks.waiting(CENTRAL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checks.check(request, waiting.version(), "Called MASH"))
                .isInstanceOf(AccessDeniedException.class);

        // A check says how the lead knows the front door has it; nothing is saved without that.
        centralLead();
        assertThatThrownBy(() -> checks.check(request, waiting.version(), "   "))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("note"));
        assertThat(checks.waiting(CENTRAL).items())
                .extracting(ConcernToCheck::request)
                .contains(request);
        String note = "Spoke to Sam at the front door, reference FD-" + surname + "; a social worker visits today.";
        checks.check(request, waiting.version(), note);
        assertThat(checks.waiting(CENTRAL).items())
                .extracting(ConcernToCheck::request)
                .doesNotContain(request);
        assertThat(checks.countWaiting(CENTRAL)).isEqualTo(count - 1);
        assertThat(audited("check-concern", "request", request.toString(), family.toString()))
                .isEqualTo(1);

        // A second check on what was read before is refused, not written over the first.
        assertThatThrownBy(() -> checks.check(request, waiting.version(), "Someone else called too"))
                .isInstanceOf(ChangedBySomeoneElseException.class);

        // The family's timeline says who checked it, and how.
        assertThat(families.family(family).timeline()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("concern-check");
            assertThat(e.by()).isEqualTo(lead.displayName());
            assertThat(e.more()).isNotNull();
            assertThat(e.more().english()).isEqualTo(note);
        });
    }

    @Test
    void aConcernWhoseReferrerHadCalledTheFrontDoorGoesToTheHubsLeadsOnly() throws Exception {
        String child = "Noah Called" + UUID.randomUUID().toString().substring(0, 8);
        RequestId request = concern(child, "Says his stepfather hit him last night", true);
        awaitMarkedMailed(request);
        centralLead();
        ConcernToCheck waiting = waitingOnTheList(request);
        assertThat(waiting.frontDoorContacted()).isTrue();
        assertThat(waiting.mailedTo())
                .as("mailed to the hub's leads, not to the duty address")
                .isNotNull()
                .contains(hubsLeadsAddresses().getFirst())
                .doesNotContain(DUTY);
    }

    /**
     * A concern nobody checks is reminded of (after 3 seconds in this application; an hour by
     * default): one mail per hub to its safeguarding leads, hub leads and the borough's duty address,
     * saying how many wait and naming no child.
     */
    @Test
    void aConcernNobodyChecksIsRemindedOfToTheHubsLeadsAndTheDutyAddress() throws Exception {
        ConcernCheckFixtures.dutyAddressSet(alerts);
        String subject = "NOT YET CHECKED:";
        List<String> told = new ArrayList<>(hubsLeadsAddresses());
        told.add(DUTY);
        Map<String, Integer> before = new HashMap<>();
        told.forEach(a -> before.put(a, TestMailServer.to(a, subject).size()));
        String child = "Isla Reminded" + UUID.randomUUID().toString().substring(0, 8);
        RequestId request = concern(child, "Her mother's partner threatened her", true);

        for (String address : told) {
            List<MimeMessage> mails = TestMailServer.await(address, subject, before.get(address) + 1, MAILED_WITHIN);
            assertThat(mails).as("a reminder to " + address).hasSizeGreaterThan(before.get(address));
            assertThat(text(mails.getLast()))
                    .contains("not yet checked with the front door")
                    .doesNotContain(child.substring(child.indexOf(' ') + 1))
                    .doesNotContain("threatened");
        }
        long deadline = System.nanoTime() + MAILED_WITHIN.toNanos();
        while (!reminded(request) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(reminded(request)).as("the concern is marked reminded").isTrue();
    }

    private boolean reminded(RequestId request) {
        return jdbc.sql("SELECT reminded_at IS NOT NULL FROM referrals.concern_check WHERE request_id = ?")
                .param(request.value())
                .query(Boolean.class)
                .single();
    }

    /**
     * With the mail server down, the concern is saved and listed at once, and nothing is recorded
     * as mailed; once the server is back its mail goes, tried again from the event registry.
     */
    @Test
    void withTheMailServerDownTheConcernIsListedAndMailedOnceTheServerIsBack() throws Exception {
        String child = "Leo Postponed" + UUID.randomUUID().toString().substring(0, 8);
        RequestId request;
        TestMailServer.stop();
        try {
            request = concern(child, "Left alone at home for days at a time", true);
            centralLead();
            assertThat(waitingOnTheList(request).mailedTo())
                    .as("listed at once, and not recorded as mailed")
                    .isNull();
            Thread.sleep(2_000);
            assertThat(mailed(request))
                    .as("nothing is recorded as sent while nothing could be")
                    .isFalse();
            SignedIn.nobody();
        } finally {
            TestMailServer.start();
        }
        awaitMarkedMailed(request);
        assertThat(TestMailServer.await(
                        hubsLeadsAddresses().getFirst(), "safeguarding concern recorded in the", 1, MAILED_WITHIN))
                .as("the concern's mail, once the server is back")
                .isNotEmpty();
    }

    private boolean mailed(RequestId request) {
        return jdbc.sql("SELECT mailed_at IS NOT NULL FROM referrals.concern_check WHERE request_id = ?")
                .param(request.value())
                .query(Boolean.class)
                .single();
    }

    /** Waits until the listener has recorded the concern's mail as sent (just after the mail server took it). */
    private void awaitMarkedMailed(RequestId request) throws InterruptedException {
        long deadline = System.nanoTime() + MAILED_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            boolean mailed = jdbc.sql("SELECT mailed_at IS NOT NULL FROM referrals.concern_check WHERE request_id = ?")
                    .param(request.value())
                    .query(Boolean.class)
                    .single();
            if (mailed) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The concern " + request + " was not recorded as mailed within " + MAILED_WITHIN);
    }

    private ConcernToCheck waitingOnTheList(RequestId request) {
        return checks.waiting(CENTRAL).items().stream()
                .filter(c -> c.request().equals(request))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the concern is not on the hub lead's list"));
    }

    /** The family a concern was recorded for, as its hub lead reads it. */
    private FamilyId familyOf(RequestId request) {
        return jdbc.sql("SELECT family_id FROM referrals.request WHERE id = ?")
                .param(request.value())
                .query((rs, n) -> new FamilyId(rs.getObject(1, UUID.class)))
                .single();
    }
}
