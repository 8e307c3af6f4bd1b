package org.earlyhelp.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.testing.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Voice against the real database and the tests' SMTP server ({@link TestMailServer}): feedback with no account, the
 * safeguarding alert in the portal and by e-mail, exactly once, sealed names opened only by a
 * safeguarding lead with a reason, and "you said, we did" published without personal data.
 */
@OwnDataApplicationTest
class VoiceTests {

    static final HubId CENTRAL = new HubId("dudley-central");

    @Autowired
    VoiceProperties voiceProperties;

    @Autowired
    Invitations invitations;

    @Autowired
    FeedbackForms forms;

    @Autowired
    SafeguardingAlerts alerts;

    @Autowired
    FeedbackInbox inbox;

    @Autowired
    YouSaidWeDid responses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JavaMailSender mailSender;

    /**
     * A mail server that stops answering fails the alert's mail within half a minute a step, so the
     * publication is tried again rather than held by a thread for ever, and is not resubmitted by
     * the retry (a minute) while its first try still waits.
     */
    @Test
    void aMailServerThatStopsAnsweringCannotHoldAnAlertForEver() {
        Properties mail = ((JavaMailSenderImpl) mailSender).getJavaMailProperties();
        for (String timeout : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
            assertThat(mail.getProperty(timeout)).as(timeout).isNotNull();
            assertThat(Long.parseLong(mail.getProperty(timeout)))
                    .as(timeout)
                    .isPositive()
                    .isLessThanOrEqualTo(30_000);
        }
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private Invitation groupInvitation() {
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        try {
            return invitations.create(InvitationKind.GROUP, CENTRAL, null, "Youth club, Tuesday", null, 30);
        } finally {
            SignedIn.nobody();
        }
    }

    private static FeedbackDraft draft(Mode mode, String name, FeelSafe safe, String anything) {
        return new FeedbackDraft(AgeBand.TEEN, mode, name, null, safe, 2, null, null, null, anything);
    }

    private long alertsFor(UUID feedback) {
        return jdbc.sql("SELECT count(*) FROM voice.alert WHERE feedback_id = ?")
                .param(feedback)
                .query(Long.class)
                .single();
    }

    /** Waits until the alert's mail is recorded as sent (after the mail server took it). */
    private void awaitMailed(UUID alert) throws InterruptedException {
        for (int i = 0;
                i < 100
                        && !Boolean.TRUE.equals(jdbc.sql("SELECT mailed_at IS NOT NULL FROM voice.alert WHERE id = ?")
                                .param(alert)
                                .query(Boolean.class)
                                .single());
                i++) {
            Thread.sleep(100);
        }
    }

    private void awaitAlert(UUID feedback) throws InterruptedException {
        for (int i = 0; i < 100 && alertsFor(feedback) == 0; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void codesAreLongUnguessableAndOpenOnlyUntilTheyExpire() {
        Invitation invitation = groupInvitation();
        assertThat(invitation.code()).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(invitations.open(invitation.displayCode().toLowerCase())).isPresent();
        assertThat(invitations.open("0000-0000-0000-0000")).isEmpty();
        String svg = invitations.qrSvg(invitation, "QR code");
        assertThat(svg).startsWith("<svg").contains("<path d=\"M");
        // Drawn at a whole number of pixels per module, at least 220 px wide.
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\" width=\"(\\d+)\" height=\"(\\d+)\"")
                .matcher(svg);
        assertThat(box.find()).as(svg.substring(0, 200)).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int width = Integer.parseInt(box.group(2));
        assertThat(width).isGreaterThanOrEqualTo(220).isEqualTo(Integer.parseInt(box.group(3)));
        assertThat(width % modules)
                .as("pixels per module: %d / %d", width, modules)
                .isZero();
        jdbc.sql("UPDATE voice.invitation SET expires_at = now() - interval '1 minute' WHERE id = ?")
                .param(invitation.id())
                .update();
        assertThat(invitations.open(invitation.code())).isEmpty();
        assertThatThrownBy(() ->
                        forms.submit(invitation.code(), draft(Mode.ANONYMOUS, null, FeelSafe.YES, "Fine"), "10.0.0.1"))
                .isInstanceOf(FeedbackForms.NotTaken.class);
    }

    /**
     * The words that raised an alert are on the alert, for the safeguarding lead, and are erased
     * with it; the audit trail, kept for good, says only what kind of reason it was.
     */
    @Test
    void theWordsThatRaisedAnAlertStayOutOfTheAuditTrail() throws Exception {
        Invitation invitation = groupInvitation();
        FeedbackForms.Received received = forms.submit(
                invitation.code(),
                draft(Mode.ANONYMOUS, null, FeelSafe.NOT_SURE, "He says he will hurt me if I tell anyone"),
                "10.0.0.7");
        assertThat(received.safeguarding()).isTrue();
        awaitAlert(received.feedback());
        assertThat(jdbc.sql("SELECT reasons FROM voice.alert WHERE feedback_id = ?")
                        .param(received.feedback())
                        .query(String.class)
                        .single())
                .contains("hurt me");
        String audited = jdbc.sql("""
                        SELECT details FROM audit.entry
                        WHERE action = 'raise-alert' AND record_type = 'feedback' AND record_id = ?""")
                .param(received.feedback().toString())
                .query(String.class)
                .single();
        assertThat(audited)
                .contains("not sure they feel safe")
                .contains("wrote words on the alert list")
                .doesNotContain("hurt");
    }

    @Test
    void notFeelingSafeRaisesOneAlertInThePortalAndByEmail() throws Exception {
        Invitation invitation = groupInvitation();
        String lead = "lead.dudley-central@earlyhelp.example";
        String subject = "Safeguarding alert: feedback in the dudley-central hub";
        int mailsBefore = TestMailServer.to(lead, subject).size();
        FeedbackForms.Received received =
                forms.submit(invitation.code(), draft(Mode.ANONYMOUS, null, FeelSafe.NO, "Please help"), "10.0.0.2");
        assertThat(received.safeguarding()).isTrue();
        awaitAlert(received.feedback());
        assertThat(alertsFor(received.feedback())).isEqualTo(1);
        List<MimeMessage> mails = TestMailServer.await(lead, subject, mailsBefore + 1, Duration.ofSeconds(10));
        assertThat(mails).hasSize(mailsBefore + 1);
        MimeMessage mail = mails.getLast();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(lead);
        assertThat(mail.getSubject()).contains("Safeguarding alert");
        assertThat(mail.getContent().toString()).contains("do not feel safe").doesNotContain("Please help");

        // The event delivered again (a retry after a crash, another instance's retry): no second mail.
        UUID alertId = jdbc.sql("SELECT id FROM voice.alert WHERE feedback_id = ?")
                .param(received.feedback())
                .query(UUID.class)
                .single();
        awaitMailed(alertId);
        alerts.mail(new SafeguardingAlertRaised(alertId, received.feedback(), CENTRAL, "again", Instant.now()));
        Thread.sleep(500);
        assertThat(TestMailServer.to(lead, subject)).hasSize(mailsBefore + 1);

        // Raised again for the same feedback: still one alert.
        new TransactionTemplate(transactions)
                .executeWithoutResult(t -> alerts.raise(received.feedback(), CENTRAL, "again"));
        assertThat(alertsFor(received.feedback())).isEqualTo(1);

        // Only the hub's leads and safeguarding leads see and acknowledge it.
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> alerts.ofHub(CENTRAL)).isInstanceOf(AccessDeniedException.class);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        Alert alert = alerts.ofHub(CENTRAL).stream()
                .filter(a -> a.feedback().equals(received.feedback()))
                .findFirst()
                .orElseThrow();
        assertThat(alerts.waitingFor(
                        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"))))
                .isPositive();
        assertThatThrownBy(() -> alerts.acknowledge(alert.id(), alert.version(), " "))
                .isInstanceOf(ValidationException.class);
        alerts.acknowledge(alert.id(), alert.version(), "Spoke to the youth club leader; child seen today.");
        assertThatThrownBy(() -> alerts.acknowledge(alert.id(), alert.version(), "Again"))
                .isInstanceOf(ChangedBySomeoneElseException.class);
    }

    @Test
    void wordsInFreeTextRaiseAnAlertToo() throws Exception {
        Invitation invitation = groupInvitation();
        FeedbackForms.Received received = forms.submit(
                invitation.code(), draft(Mode.ANONYMOUS, null, null, "My step dad hits me when he drinks"), "10.0.0.3");
        assertThat(received.safeguarding()).isTrue();
        awaitAlert(received.feedback());
        assertThat(jdbc.sql("SELECT reasons FROM voice.alert WHERE feedback_id = ?")
                        .param(received.feedback())
                        .query(String.class)
                        .single())
                .contains("hits me");
    }

    @Test
    void theInboxComesAPageAtATimeNewestFirstWithNothingSkippedOrRepeated() throws Exception {
        Invitation invitation = groupInvitation();
        for (int i = 0; i < 9; i++) {
            forms.submit(invitation.code(), draft(Mode.ANONYMOUS, null, FeelSafe.YES, "Page " + i), "10.0.9." + i);
        }
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        List<FeedbackItem> all = wholeInbox(InboxFilter.ALL);
        assertThat(all).hasSizeGreaterThanOrEqualTo(9);
        List<FeedbackItem> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 7) {
            paged.addAll(inbox.ofHub(CENTRAL, 7, offset));
        }
        assertThat(paged)
                .extracting(FeedbackItem::id)
                .containsExactlyElementsOf(all.stream().map(FeedbackItem::id).toList());
        assertThat(inbox.ofHub(CENTRAL, 7, all.size())).isEmpty();
    }

    @Test
    void aPageLargerThanTheMostOneCallReturnsIsRefusedNotCutShort() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() -> inbox.ofHub(CENTRAL, InboxFilter.ALL, FeedbackInbox.MOST_PER_PAGE + 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A page holds 1 to 500 items, not 501");
        assertThatThrownBy(() -> inbox.ofHub(CENTRAL, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.ofHub(CENTRAL, 10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A page cannot start before the first item: -1");
        assertThat(inbox.ofHub(CENTRAL, InboxFilter.ALL, FeedbackInbox.MOST_PER_PAGE, 0))
                .hasSizeLessThanOrEqualTo(FeedbackInbox.MOST_PER_PAGE);
    }

    @Test
    void aSealedNameOpensOnlyForASafeguardingLeadWithAReason() throws Exception {
        Invitation invitation = groupInvitation();
        FeedbackForms.Received received = forms.submit(
                invitation.code(), draft(Mode.PSEUDONYMOUS, "Kayla", FeelSafe.NOT_SURE, "Not sure"), "10.0.0.4");
        assertThat(jdbc.sql("SELECT first_name FROM voice.feedback WHERE id = ?")
                        .param(received.feedback())
                        .query(String.class)
                        .optional())
                .as("a pseudonymous name is not stored with the feedback")
                .isEmpty();
        assertThat(jdbc.sql("SELECT name FROM voice.sealed_identity WHERE feedback_id = ?")
                        .param(received.feedback())
                        .query(String.class)
                        .single())
                .as("the sealed name is encrypted at rest")
                .startsWith("v1:")
                .doesNotContain("Kayla");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThat(inbox.ofHub(CENTRAL, 100))
                .filteredOn(f -> f.id().equals(received.feedback()))
                .singleElement()
                .satisfies(f -> assertThat(f.firstName()).isNull());
        assertThatThrownBy(() -> alerts.unseal(received.feedback(), "why")).isInstanceOf(ValidationException.class);
        assertThat(alerts.unseal(received.feedback(), "She said she is not sure she is safe; we must find her."))
                .contains("Kayla");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'unseal' AND record_id = ?")
                        .param(received.feedback().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> alerts.unseal(received.feedback(), "I would like to know who this is please"))
                .isInstanceOf(AccessDeniedException.class);
    }

    /**
     * The unsealing reason stays in the audit trail after the feedback and its sealed name are
     * deleted, so it may not hold the name or the contact; and because the refusal tells the lead
     * that a word is in the sealed name before anything is unsealed, each refusal is recorded.
     */
    @Test
    void anUnsealingReasonHoldingTheSealedNameOrContactIsRefusedAndTheTryIsRecorded() throws Exception {
        Invitation invitation = groupInvitation();
        FeedbackForms.Received received = forms.submit(
                invitation.code(),
                new FeedbackDraft(
                        AgeBand.TEEN,
                        Mode.PSEUDONYMOUS,
                        "Marisol Quenby",
                        "07700 900461",
                        FeelSafe.NOT_SURE,
                        2,
                        null,
                        null,
                        null,
                        "Not sure"),
                "10.0.0.5");
        String id = received.feedback().toString();
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        for (String reason : List.of(
                "Marisol told her worker she is not safe at home.",
                "Need to call 07700900461 back today, she is not safe.")) {
            assertThatThrownBy(() -> alerts.unseal(received.feedback(), reason))
                    .as(reason)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.messages().get("reason").key())
                                    .isEqualTo("voice.problem.reason.names-the-young-person"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'unseal' AND record_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("nothing unsealed")
                .isZero();
        List<String> refusals = jdbc.sql("""
                        SELECT coalesce(reason, '') || ' ' || coalesce(details, '') FROM audit.entry
                        WHERE action = 'refused:unseal' AND record_type = 'feedback' AND record_id = ?""").param(id).query(String.class).list();
        assertThat(refusals).as("each refused try is on the record").hasSize(2);
        assertThat(String.join(" ", refusals)).doesNotContain("Marisol").doesNotContain("900461");

        assertThat(alerts.unseal(received.feedback(), "She said she is not sure she is safe; we must find her."))
                .contains("Marisol Quenby")
                .contains("07700 900461");
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        Invitation invitation = groupInvitation();
        long before = jdbc.sql("SELECT count(*) FROM voice.feedback")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> forms.submit(
                        invitation.code(),
                        new FeedbackDraft(AgeBand.CHILD, Mode.NAMED, "", null, null, null, null, null, null, null),
                        "10.0.0.5"))
                .isInstanceOf(FeedbackForms.NotTaken.class)
                .satisfies(
                        e -> assertThat(((FeedbackForms.NotTaken) e).problems()).containsKeys("name", "mood"));
        assertThatThrownBy(() -> forms.submit(
                        invitation.code(),
                        draft(Mode.ANONYMOUS, null, FeelSafe.YES, "x".repeat(FeedbackForms.MAX_TEXT + 1)),
                        "10.0.0.5"))
                .isInstanceOf(FeedbackForms.NotTaken.class);
        assertThat(jdbc.sql("SELECT count(*) FROM voice.feedback")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        // Emoji are fine.
        forms.submit(invitation.code(), draft(Mode.ANONYMOUS, null, FeelSafe.YES, "🙂🎉 great"), "10.0.0.5");
    }

    @Test
    void oneAddressCannotFloodAForm() {
        Invitation invitation = groupInvitation();
        int limit = voiceProperties.perAddressPerHour();
        assertThat(limit)
                .as("a class of 30 answering from one school network fits")
                .isGreaterThanOrEqualTo(30);
        for (int i = 0; i < limit; i++) {
            forms.submit(invitation.code(), draft(Mode.ANONYMOUS, null, FeelSafe.YES, "ok " + i), "10.9.9.9");
        }
        assertThatThrownBy(() -> forms.submit(
                        invitation.code(), draft(Mode.ANONYMOUS, null, FeelSafe.YES, "one too many"), "10.9.9.9"))
                .isInstanceOf(FeedbackForms.NotTaken.class)
                .hasMessageContaining("try again later");
        // Another address is not held back by this one.
        forms.submit(invitation.code(), draft(Mode.ANONYMOUS, null, FeelSafe.YES, "elsewhere"), "10.9.9.10");
    }

    /**
     * The hub's whole inbox that passes the filter, newest first, read a page of 500 (the most a
     * page holds) at a time: other tests on the shared application add to the hub's feedback too.
     */
    private List<FeedbackItem> wholeInbox(InboxFilter filter) {
        List<FeedbackItem> all = new ArrayList<>();
        for (int offset = 0; ; offset += FeedbackInbox.MOST_PER_PAGE) {
            List<FeedbackItem> page = inbox.ofHub(CENTRAL, filter, FeedbackInbox.MOST_PER_PAGE, offset);
            all.addAll(page);
            if (page.size() < FeedbackInbox.MOST_PER_PAGE) {
                return all;
            }
        }
    }

    /** Confirms a theme on a new piece of the hub's feedback, as staff do in the inbox. */
    private void confirmTheme(String theme) {
        FeedbackForms.Received received = forms.submit(
                groupInvitation().code(), draft(Mode.ANONYMOUS, null, FeelSafe.YES, "About " + theme), "10.0.7.1");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        try {
            inbox.confirm(received.feedback(), Set.of(theme));
        } finally {
            SignedIn.nobody();
        }
    }

    @Test
    void youSaidWeDidIsPublishedOnlyOnceApprovedAndWithoutPersonalData() {
        confirmTheme("things to do");
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        UUID id = responses.create(
                CENTRAL,
                "Things to do",
                "The club should open at weekends.",
                "Vic Adeyemi",
                "Open on Saturdays",
                LocalDate.now().plusMonths(1));
        Response created = responses.ofHub(CENTRAL).items().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> responses.answer(id, created.version(), ResponseStatus.DONE, "Call Jo on 07700900123"))
                .isInstanceOf(ValidationException.class);
        responses.answer(id, created.version(), ResponseStatus.DONE, "The club is now open on Saturdays.");
        assertThatThrownBy(() -> responses.approveAndPublish(id, created.version() + 1))
                .as("only the hub lead approves")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(responses.published(CENTRAL).items()).noneMatch(r -> r.id().equals(id));
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        responses.approveAndPublish(id, created.version() + 1);
        responses.heard(
                id, "Dudley Children's Partnership Board", LocalDate.now(), "Weekend opening funded for a year.");
        SignedIn.nobody();
        assertThat(responses.published(CENTRAL).items())
                .filteredOn(r -> r.id().equals(id))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.weDid()).isEqualTo("The club is now open on Saturdays.");
                    assertThat(r.owner()).isEmpty();
                    assertThat(r.hearings()).isEmpty();
                });
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThat(responses.ofHub(CENTRAL).items())
                .filteredOn(r -> r.id().equals(id))
                .singleElement()
                .satisfies(r -> assertThat(r.hearings())
                        .extracting(Response.Hearing::heardBy)
                        .containsExactly("Dudley Children's Partnership Board"));
        assertThat(responses.measures(CENTRAL).themesAnswered()).isPositive();
    }

    /** Issue 21: a theme typed differently would list nobody to tell, so only confirmed themes are taken. */
    @Test
    void aResponseAnswersOnlyAThemeConfirmedOnTheHubsFeedback() {
        String theme = "theme " + UUID.randomUUID().toString().substring(0, 8);
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThat(responses.confirmedThemes(CENTRAL)).doesNotContainKey(theme);
        assertThatThrownBy(() -> responses.create(CENTRAL, theme, "Said", "Vic", "Decided", null))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsEntry(
                                        "theme",
                                        "Choose a theme confirmed on this hub's feedback (confirm it in the inbox first)."));
        SignedIn.nobody();
        confirmTheme(theme);
        confirmTheme(theme);
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        // Every confirmed theme with its count of feedback, counted again from the table.
        Map<String, Long> counted = new HashMap<>();
        jdbc.sql("SELECT t.theme FROM voice.feedback_theme t JOIN voice.feedback f ON f.id = t.feedback_id"
                        + " WHERE f.hub_id = 'dudley-central'")
                .query(String.class)
                .list()
                .forEach(t -> counted.merge(t, 1L, Long::sum));
        assertThat(responses.confirmedThemes(CENTRAL)).containsExactlyInAnyOrderEntriesOf(counted);
        assertThat(responses.confirmedThemes(CENTRAL)).containsEntry(theme, 2L);
        assertThat(responses.create(CENTRAL, theme.toUpperCase(), "Said", "Vic", "Decided", null))
                .isNotNull();
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> responses.confirmedThemes(CENTRAL)).isInstanceOf(AccessDeniedException.class);
    }

    /** Issue 21: the inbox filters by confirmed theme, date given, how they chose to be known, and alerts. */
    @Test
    void theInboxFiltersByThemeDateModeAndAlert() {
        String theme = "filter " + UUID.randomUUID().toString().substring(0, 8);
        Invitation invitation = groupInvitation();
        List<UUID> mine = new ArrayList<>();
        Mode[] modes = {Mode.ANONYMOUS, Mode.NAMED, Mode.PSEUDONYMOUS};
        FeelSafe[] safe = {FeelSafe.YES, FeelSafe.NO, FeelSafe.YES, FeelSafe.NOT_SURE};
        for (int i = 0; i < 8; i++) {
            Mode mode = modes[i % 3];
            mine.add(forms.submit(
                            invitation.code(),
                            draft(mode, mode == Mode.ANONYMOUS ? null : "Kid" + i, safe[i % 4], "Filter " + i),
                            "10.0.8." + i)
                    .feedback());
        }
        // Two of them given on a day long ago, three with the test's own theme.
        LocalDate longAgo = LocalDate.of(2020, 6, 15);
        for (UUID old : List.of(mine.get(1), mine.get(2))) {
            jdbc.sql("UPDATE voice.feedback SET submitted_at = ? WHERE id = ?")
                    .params(
                            Timestamp.from(longAgo.atTime(23, 30)
                                    .atZone(WorkingCalendar.LONDON)
                                    .toInstant()),
                            old)
                    .update();
        }
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        for (UUID themed : List.of(mine.get(0), mine.get(2), mine.get(5))) {
            inbox.confirm(themed, Set.of(theme));
        }
        List<FeedbackItem> all = wholeInbox(InboxFilter.ALL).stream()
                .filter(f -> mine.contains(f.id()))
                .toList();
        assertThat(all).hasSize(8);
        List<InboxFilter> filters = List.of(
                new InboxFilter(theme, null, null, null, false),
                new InboxFilter(null, longAgo, longAgo, null, false),
                new InboxFilter(null, null, longAgo.minusDays(1), null, false),
                new InboxFilter(null, longAgo.plusDays(1), null, null, false),
                new InboxFilter(null, null, null, Mode.NAMED, false),
                new InboxFilter(null, null, null, null, true),
                new InboxFilter(theme, longAgo, longAgo, Mode.PSEUDONYMOUS, false),
                new InboxFilter(theme.toUpperCase(), null, null, Mode.ANONYMOUS, true));
        for (InboxFilter filter : filters) {
            List<FeedbackItem> shown = wholeInbox(filter);
            // Whatever is shown passes the filter, mine or not; and of mine, exactly those that pass.
            assertThat(shown).as(filter.toString()).allMatch(f -> passes(f, filter));
            assertThat(shown.stream().map(FeedbackItem::id).filter(mine::contains))
                    .as(filter.toString())
                    .containsExactlyInAnyOrderElementsOf(all.stream()
                            .filter(f -> passes(f, filter))
                            .map(FeedbackItem::id)
                            .toList());
        }
        assertThat(wholeInbox(new InboxFilter(theme, null, null, null, false)))
                .extracting(FeedbackItem::id)
                .containsExactlyInAnyOrder(mine.get(0), mine.get(2), mine.get(5));
        assertThat(wholeInbox(new InboxFilter(null, longAgo, longAgo, null, false)))
                .extracting(FeedbackItem::id)
                .containsExactlyInAnyOrder(mine.get(1), mine.get(2));
        assertThatThrownBy(() -> new InboxFilter(null, longAgo, longAgo.minusDays(1), null, false))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).containsEntry("to", "The end date is before the start date."));
    }

    private static boolean passes(FeedbackItem f, InboxFilter filter) {
        LocalDate given = f.submittedAt().atZone(WorkingCalendar.LONDON).toLocalDate();
        return (filter.theme() == null
                        || f.confirmedThemes().contains(filter.theme().toLowerCase(Locale.ROOT)))
                && (filter.from() == null || !given.isBefore(filter.from()))
                && (filter.to() == null || !given.isAfter(filter.to()))
                && (filter.mode() == null || f.mode() == filter.mode())
                && (!filter.alertsOnly() || f.safeguarding());
    }

    @Test
    void confirmedThemesArePublishedForTheDashboards() {
        Invitation invitation = groupInvitation();
        FeedbackForms.Received received = forms.submit(
                invitation.code(),
                draft(Mode.ANONYMOUS, null, FeelSafe.YES, "The bus to the hub takes ages"),
                "10.0.0.6");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        FeedbackItem item = inbox.ofHub(CENTRAL, 100).stream()
                .filter(f -> f.id().equals(received.feedback()))
                .findFirst()
                .orElseThrow();
        assertThat(item.suggestedThemes()).contains("distance from home");
        inbox.confirm(received.feedback(), Set.of("distance from home"));
        assertThat(jdbc.sql("SELECT count(*) FROM events.event_publication WHERE event_type LIKE '%ThemeConfirmed'"
                                        + " AND serialized_event LIKE ?")
                                .param("%" + received.feedback() + "%")
                                .query(Long.class)
                                .single()
                        + jdbc.sql(
                                        "SELECT count(*) FROM events.event_publication_archive WHERE event_type LIKE '%ThemeConfirmed'"
                                                + " AND serialized_event LIKE ?")
                                .param("%" + received.feedback() + "%")
                                .query(Long.class)
                                .single())
                .isPositive();
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> inbox.ofHub(CENTRAL, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inbox.confirm(received.feedback(), Set.of("x")))
                .isInstanceOf(AccessDeniedException.class);
        Duration.ofSeconds(1);
    }

    @Test
    void aYoungPersonWithAnAccountSeesTheirOwnNamedFeedbackButNeverTheirAnonymousFeedback() {
        Invitation invitation = groupInvitation();
        SignedIn.as("young.person", Set.of(Role.YOUNG_PERSON), Set.of());
        FeedbackForms.Received named = forms.submit(
                invitation.code(),
                draft(Mode.NAMED, "Jo", FeelSafe.YES, "The leaving care team helped me"),
                "10.0.0.7");
        FeedbackForms.Received anonymous = forms.submit(
                invitation.code(), draft(Mode.ANONYMOUS, null, FeelSafe.YES, "Something private"), "10.0.0.7");
        assertThat(inbox.mine().items())
                .extracting(FeedbackItem::id)
                .contains(named.feedback())
                .doesNotContain(anonymous.feedback());
        SignedIn.as("other.young.person", Set.of(Role.YOUNG_PERSON), Set.of());
        assertThat(inbox.mine().items()).extracting(FeedbackItem::id).doesNotContain(named.feedback());
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() -> inbox.mine()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thoseWhoLeftAWayToBeToldAreListedWhenTheAnswerIsPublished() {
        Invitation invitation = groupInvitation();
        FeedbackForms.Received received = forms.submit(
                invitation.code(),
                new FeedbackDraft(
                        AgeBand.TEEN,
                        Mode.NAMED,
                        "Rio",
                        "through my worker Vic",
                        FeelSafe.YES,
                        4,
                        null,
                        "More football at the club",
                        null,
                        null),
                "10.0.0.8");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        inbox.confirm(received.feedback(), Set.of("things to do"));
        UUID response = responses.create(
                CENTRAL, "things to do", "More sport at the youth club.", "Vic", "Add a football night", null);
        int version = responses.ofHub(CENTRAL).items().stream()
                .filter(r -> r.id().equals(response))
                .findFirst()
                .orElseThrow()
                .version();
        responses.answer(response, version, ResponseStatus.DONE, "There is now a football night on Wednesdays.");
        responses.approveAndPublish(response, version + 1);
        assertThat(responses.toTell(response)).singleElement().satisfies(t -> {
            assertThat(t.firstName()).isEqualTo("Rio");
            assertThat(t.contact()).isEqualTo("through my worker Vic");
            assertThat(t.toldAt()).isNull();
        });
        responses.told(received.feedback(), response);
        assertThat(responses.toTell(response))
                .singleElement()
                .satisfies(t -> assertThat(t.toldAt()).isNotNull());
        assertThat(responses.publishedOn(CENTRAL, List.of("things to do")))
                .extracting(Response::weDid)
                .contains("There is now a football night on Wednesdays.");
    }
}
