package org.earlyhelp.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubStatus;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.testing.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A young person's safeguarding alert cannot go unseen, whatever goes wrong: a hub cannot be left
 * without a safeguarding lead; with the mail server down, a safeguarding lead whose user name is an
 * e-mail address, or the code flooded from one address beforehand, an unsafe answer from another
 * address is saved, its alert is in the hub lead's list within 5 s, and an escalation mail reaches
 * a hub lead once the acknowledgement time has passed, again and again until someone acknowledges
 * it, and then the borough's duty address. Real PostgreSQL, a real SMTP server (GreenMail, {@link TestMailServer}), and the
 * application that escalates in seconds ({@link OwnDataApplicationTest}).
 */
@OwnDataApplicationTest
class AlertInvariantsTests {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final HubId KINGSWINFORD = new HubId("kingswinford");
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);

    @Autowired
    Invitations invitations;

    @Autowired
    FeedbackForms forms;

    @Autowired
    SafeguardingAlerts alerts;

    @Autowired
    HubTeams teams;

    @Autowired
    HubAdministration administration;

    @Autowired
    HubDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VoiceProperties voiceProperties;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private Invitation groupInvitation(HubId hub, String creator) {
        SignedIn.as(creator, Set.of(Role.HUB_LEAD), Set.of(hub.value()));
        try {
            return invitations.create(InvitationKind.GROUP, hub, null, "Youth forum " + UUID.randomUUID(), null, 30);
        } finally {
            SignedIn.nobody();
        }
    }

    private static FeedbackDraft unsafe() {
        return new FeedbackDraft(AgeBand.TEEN, Mode.ANONYMOUS, null, null, FeelSafe.NO, 1, null, null, null, "Help");
    }

    private static FeedbackDraft fine(String words) {
        return new FeedbackDraft(AgeBand.TEEN, Mode.ANONYMOUS, null, null, FeelSafe.YES, 4, null, null, null, words);
    }

    /** Waits until the hub lead sees the alert for this feedback; returns how long it took. */
    private Alert visibleToTheHubLead(HubId hub, String lead, UUID feedback) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < VISIBLE_WITHIN.toNanos()) {
            SignedIn.as(lead, Set.of(Role.HUB_LEAD), Set.of(hub.value()));
            try {
                for (Alert a : alerts.ofHub(hub)) {
                    if (a.feedback().equals(feedback)) {
                        System.out.printf(
                                "Alert in %s's list %d ms after the answer was saved%n",
                                lead, (System.nanoTime() - start) / 1_000_000);
                        return a;
                    }
                }
            } finally {
                SignedIn.nobody();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "The alert for " + feedback + " was not visible to " + lead + " within " + VISIBLE_WITHIN);
    }

    private void acknowledge(HubId hub, String lead, Alert alert) {
        SignedIn.as(lead, Set.of(Role.HUB_LEAD), Set.of(hub.value()));
        try {
            alerts.acknowledge(alert.id(), alert.version(), "Called the school; the young person is safe today.");
        } finally {
            SignedIn.nobody();
        }
    }

    @Test
    void aHubCannotBeLeftWithoutASafeguardingLead() {
        SignedIn.admin();
        HubId halesowen = new HubId("halesowen");
        List<HubMember> safeguarding = teams.safeguardingLeads(halesowen);
        assertThat(safeguarding).as("the demonstration hub has exactly one").hasSize(1);
        assertThatThrownBy(() -> teams.remove(safeguarding.getFirst()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("only safeguarding lead");
        assertThat(teams.safeguardingLeads(halesowen)).hasSize(1);

        // A planned hub without one cannot start as a pilot or go live.
        jdbc.sql("UPDATE hubs.member SET safeguarding_lead = false WHERE hub_id = 'stourbridge'")
                .update();
        try {
            Hub stourbridge = directory.hub(new HubId("stourbridge")).orElseThrow();
            int version = administration.hubTotals().stream()
                    .filter(t -> t.hub().id().equals(stourbridge.id()))
                    .findFirst()
                    .orElseThrow()
                    .version();
            for (HubStatus status : List.of(HubStatus.PILOT, HubStatus.LIVE)) {
                assertThatThrownBy(() -> administration.setStatus(stourbridge, status, version))
                        .isInstanceOf(ValidationException.class)
                        .hasMessageContaining("no safeguarding lead");
            }
            assertThat(directory.hub(stourbridge.id()).orElseThrow().status()).isEqualTo(HubStatus.PLANNED);
        } finally {
            jdbc.sql("UPDATE hubs.member SET safeguarding_lead = true WHERE hub_id = 'stourbridge' AND hub_lead")
                    .update();
        }
    }

    @Test
    void withTheMailServerDownTheAlertIsSavedSeenAndMailedOnceTheServerIsBack() throws Exception {
        Invitation invitation = groupInvitation(CENTRAL, "lead.dudley-central");
        TestMailServer.stop();
        FeedbackForms.Received received;
        try {
            received = forms.submit(invitation.code(), unsafe(), "10.20.0.1");
            assertThat(received.safeguarding()).isTrue();
            visibleToTheHubLead(CENTRAL, "lead.dudley-central", received.feedback());
            Thread.sleep(3000);
            assertThat(jdbc.sql(
                                    "SELECT escalated_at IS NULL AND mailed_at IS NULL FROM voice.alert WHERE feedback_id = ?")
                            .param(received.feedback())
                            .query(Boolean.class)
                            .single())
                    .as("nothing is recorded as sent while nothing could be")
                    .isTrue();
        } finally {
            TestMailServer.start();
        }
        assertThat(TestMailServer.await(
                        "lead.dudley-central@earlyhelp.example", "ESCALATED", 1, Duration.ofSeconds(15)))
                .as("the escalation reaches the hub lead once the server is back")
                .isNotEmpty();
        assertThat(TestMailServer.await(
                        "lead.dudley-central@earlyhelp.example", "Safeguarding alert", 1, Duration.ofSeconds(15)))
                .as("the first mail, tried again from the event registry")
                .isNotEmpty();
        Alert alert = visibleToTheHubLead(CENTRAL, "lead.dudley-central", received.feedback());
        acknowledge(CENTRAL, "lead.dudley-central", alert);
    }

    @Test
    void aSafeguardingLeadWhoseUserNameIsAnAddressIsMailedAndAHubLeadWhoIsNotOneSeesTheAlert() throws Exception {
        SignedIn.admin();
        teams.add(
                KINGSWINFORD,
                "sg.lead@council.example",
                "Sam Guard",
                new OrganisationId("dudley-council"),
                0,
                false,
                true);
        jdbc.sql("UPDATE hubs.member SET safeguarding_lead = false WHERE hub_id = 'kingswinford' AND hub_lead")
                .update();
        SignedIn.nobody();
        Invitation invitation = groupInvitation(KINGSWINFORD, "lead.kingswinford");
        FeedbackForms.Received received = forms.submit(invitation.code(), unsafe(), "10.20.0.2");
        Alert alert = visibleToTheHubLead(KINGSWINFORD, "lead.kingswinford", received.feedback());
        assertThat(TestMailServer.await("sg.lead@council.example", "Safeguarding alert", 1, Duration.ofSeconds(10)))
                .as("mailed to the user name as it is")
                .isNotEmpty();
        assertThat(TestMailServer.await("lead.kingswinford@earlyhelp.example", "ESCALATED", 1, Duration.ofSeconds(10)))
                .isNotEmpty();
        acknowledge(KINGSWINFORD, "lead.kingswinford", alert);
    }

    @Test
    void aCodeFloodedFromOneAddressStillTakesAnUnsafeAnswerAndEscalationRepeatsThenReachesTheDutyAddress()
            throws Exception {
        SignedIn.admin();
        SafeguardingAlerts.DutyAddress duty = alerts.dutyAddress();
        alerts.setDutyAddress("duty@council.example", duty.version());
        SignedIn.nobody();
        Invitation invitation = groupInvitation(CENTRAL, "lead.dudley-central");
        // Up to the limit the application runs with (30 an hour by default), then one too many.
        for (int i = 0; i < voiceProperties.perAddressPerHour(); i++) {
            forms.submit(invitation.code(), fine("ok " + i), "10.30.0.1");
        }
        assertThatThrownBy(() -> forms.submit(invitation.code(), fine("one too many"), "10.30.0.1"))
                .isInstanceOf(FeedbackForms.NotTaken.class);
        FeedbackForms.Received flooder = forms.submit(invitation.code(), unsafe(), "10.30.0.1");
        assertThat(jdbc.sql("SELECT over_limit FROM voice.feedback WHERE id = ?")
                        .param(flooder.feedback())
                        .query(Boolean.class)
                        .single())
                .as("an unsafe answer over the limit is kept, and flagged")
                .isTrue();

        FeedbackForms.Received received = forms.submit(invitation.code(), unsafe(), "10.30.0.2");
        Alert alert = visibleToTheHubLead(CENTRAL, "lead.dudley-central", received.feedback());
        assertThat(TestMailServer.await(
                        "lead.dudley-central@earlyhelp.example", "ESCALATED", 1, Duration.ofSeconds(10)))
                .isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (escalations(alert.id()) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(escalations(alert.id()))
                .as("escalation repeats until acknowledged")
                .isGreaterThanOrEqualTo(2);
        // This alert's own notice to the duty address (the flooder's alert, raised first, has its own).
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!dutyNotified(alert.id()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(dutyNotified(alert.id()))
                .as("and then it reaches the borough's duty address")
                .isTrue();
        assertThat(TestMailServer.await("duty@council.example", "UNACKNOWLEDGED", 1, Duration.ofSeconds(5)))
                .isNotEmpty();
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        Alert now = alerts.ofHub(CENTRAL).stream()
                .filter(a -> a.id().equals(alert.id()))
                .findFirst()
                .orElseThrow();
        SignedIn.nobody();
        assertThat(now.dutyNotifiedAt()).isNotNull();
        acknowledge(CENTRAL, "lead.dudley-central", now);
        int atAcknowledgement = escalations(alert.id());
        acknowledge(
                CENTRAL,
                "lead.dudley-central",
                visibleToTheHubLead(CENTRAL, "lead.dudley-central", flooder.feedback()));
        Thread.sleep(3000);
        assertThat(escalations(alert.id()))
                .as("no escalation once acknowledged")
                .isEqualTo(atAcknowledgement);
    }

    @Test
    void aFloodOfUnsafeAnswersOverTheLimitIsKeptButMailedOnItsOwnOnlyTenTimesAnHour() throws Exception {
        HubId brierley = new HubId("brierley-hill");
        int ownMails = voiceProperties.floodMailsPerHour();
        String subject = "Safeguarding alert: feedback in the brierley-hill hub";
        List<String> leads = teams.safeguardingLeads(brierley).stream()
                .map(m -> m.username().contains("@") ? m.username() : m.username() + "@earlyhelp.example")
                .toList();
        int before = TestMailServer.to(leads.getFirst(), subject).size();
        Invitation invitation = groupInvitation(brierley, "lead.brierley-hill");
        for (int i = 0; i < voiceProperties.perAddressPerHour(); i++) {
            forms.submit(invitation.code(), fine("ok " + i), "10.50.0.1");
        }
        List<UUID> flood = new ArrayList<>();
        for (int i = 0; i < ownMails + 3; i++) {
            flood.add(forms.submit(invitation.code(), unsafe(), "10.50.0.1").feedback());
        }
        try {
            String mailed = "SELECT count(*) FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id"
                    + " WHERE a.feedback_id = ANY (?) AND f.over_limit AND a.mailed_at IS NOT NULL";
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (count(mailed, flood) < ownMails && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            assertThat(count("SELECT count(*) FROM voice.alert WHERE feedback_id = ANY (?)", flood))
                    .as("every unsafe answer of the flood is kept with its alert")
                    .isEqualTo(flood.size());
            assertThat(count(mailed, flood))
                    .as("only the first %d are mailed on their own", ownMails)
                    .isEqualTo(ownMails);
            assertThat(TestMailServer.to(leads.getFirst(), subject)).hasSize(before + ownMails);
            assertThat(TestMailServer.await(
                            "lead.brierley-hill@earlyhelp.example",
                            "ESCALATED safeguarding alerts",
                            1,
                            Duration.ofSeconds(10)))
                    .as("the rest escalate with the others, in one mail a round")
                    .isNotEmpty();
        } finally {
            jdbc.sql("UPDATE voice.alert SET acknowledged_at = now(), acknowledged_by = 'test', action_taken = 'test'"
                            + " WHERE feedback_id = ANY (?)")
                    .param(flood.toArray(UUID[]::new))
                    .update();
        }
    }

    private long count(String sql, List<UUID> ids) {
        return jdbc.sql(sql).param(ids.toArray(UUID[]::new)).query(Long.class).single();
    }

    @Test
    void lateAlertsOfOneHubAreEscalatedInOneMailPerRoundNotOneEach() throws Exception {
        HubId north = new HubId("north-dudley");
        SignedIn.admin();
        alerts.setDutyAddress("duty@council.example", alerts.dutyAddress().version());
        SignedIn.nobody();
        assertThat(jdbc.sql("SELECT count(*) FROM voice.alert WHERE hub_id = ? AND acknowledged_at IS NULL")
                        .param(north.value())
                        .query(Long.class)
                        .single())
                .as("no other test leaves an alert waiting in " + north.value())
                .isZero();
        String lead = teams.hubLeads(north).getFirst().username() + "@earlyhelp.example";
        String subject = "safeguarding alerts (3) in the north-dudley hub";
        UUID invitation = UUID.randomUUID();
        List<UUID> late = List.of();
        try {
            late = lateAlerts(north, invitation, 3);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((late.stream().anyMatch(a -> escalations(a) < 2)
                            || !late.stream().allMatch(this::dutyNotified))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(late)
                    .as("each alert counts its escalations, and the duty address was told of each")
                    .allSatisfy(a -> {
                        assertThat(escalations(a)).isGreaterThanOrEqualTo(2);
                        assertThat(dutyNotified(a)).isTrue();
                    });
            assertThat(TestMailServer.to(lead, "ESCALATED"))
                    .as("the hub's lead had one mail a round naming the three, not one an alert")
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(m -> assertThat(m.getSubject()).isEqualTo("ESCALATED " + subject));
            assertThat(TestMailServer.to("duty@council.example", "UNACKNOWLEDGED safeguarding alerts (3)"))
                    .isNotEmpty();
            assertThat(TestMailServer.to(
                            "duty@council.example", "UNACKNOWLEDGED safeguarding alert in the north-dudley"))
                    .as("no mail to the duty address for one of the three alone")
                    .isEmpty();
        } finally {
            jdbc.sql("DELETE FROM voice.alert WHERE id = ANY (?)")
                    .param(late.toArray(UUID[]::new))
                    .update();
            jdbc.sql("DELETE FROM voice.feedback WHERE invitation_id = ?")
                    .param(invitation)
                    .update();
            jdbc.sql("DELETE FROM voice.invitation WHERE id = ?")
                    .param(invitation)
                    .update();
        }
    }

    /**
     * Alerts raised a minute ago, all at once and straight into the tables, so that one round of
     * the escalation job finds them all late; returns their ids.
     */
    private List<UUID> lateAlerts(HubId hub, UUID invitation, int count) {
        jdbc.sql("""
                        INSERT INTO voice.invitation (id, code, kind, hub_id, label, age_band, created_by, created_at,
                          expires_at)
                        VALUES (?, ?, 'GROUP', ?, 'Escalation test', 'TEEN', 'test', now(), now() + interval '1 day')""")
                .params(invitation, "escalation-" + invitation, hub.value())
                .update();
        return jdbc.sql("""
                        WITH answers AS (
                          INSERT INTO voice.feedback (id, invitation_id, hub_id, age_band, mode, feel_safe, safeguarding,
                            submitted_at)
                          SELECT gen_random_uuid(), ?, ?, 'TEEN', 'ANONYMOUS', 'NO', true, now() - interval '1 minute'
                          FROM generate_series(1, ?) RETURNING id, hub_id, submitted_at)
                        INSERT INTO voice.alert (id, feedback_id, hub_id, reasons, raised_at)
                        SELECT gen_random_uuid(), id, hub_id, 'feel-safe-no', submitted_at FROM answers RETURNING id""")
                .params(invitation, hub.value(), count)
                .query(UUID.class)
                .list();
    }

    private boolean dutyNotified(UUID alert) {
        return jdbc.sql("SELECT duty_notified_at IS NOT NULL FROM voice.alert WHERE id = ?")
                .param(alert)
                .query(Boolean.class)
                .single();
    }

    private int escalations(UUID alert) {
        return jdbc.sql("SELECT escalations FROM voice.alert WHERE id = ?")
                .param(alert)
                .query(Integer.class)
                .single();
    }

    @Test
    void limitsCountOnlyAcceptedAnswersByAddressFirstAndAnIpv6SlashSixtyFourAsOneAddress() {
        Invitation invitation = groupInvitation(CENTRAL, "lead.dudley-central");
        // Refused answers do not count against the address.
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> forms.submit(
                            invitation.code(),
                            new FeedbackDraft(
                                    AgeBand.TEEN, Mode.ANONYMOUS, null, null, null, null, null, null, null, null),
                            "10.40.0.1"))
                    .isInstanceOf(FeedbackForms.NotTaken.class);
        }
        int limit = voiceProperties.perAddressPerHour();
        for (int i = 0; i < limit; i++) {
            forms.submit(invitation.code(), fine("counted " + i), "10.40.0.1");
        }
        // One /64 is one address, however its last 64 bits change.
        for (int i = 1; i <= limit; i++) {
            forms.submit(invitation.code(), fine("v6 " + i), "2001:db8:1:2::" + i);
        }
        assertThatThrownBy(() -> forms.submit(invitation.code(), fine("v6 again"), "2001:db8:1:2:ffff::9"))
                .isInstanceOf(FeedbackForms.NotTaken.class);
        forms.submit(invitation.code(), fine("another /64"), "2001:db8:1:3::1");
    }
}
