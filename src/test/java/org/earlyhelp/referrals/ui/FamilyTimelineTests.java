package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.List;
import java.util.Set;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.Families;
import org.earlyhelp.referrals.FamilyRecord;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.referrals.TimelineEntry;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.testing.Caseloads;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family's timeline on its page, without a browser: written as one piece of HTML (one node for
 * the page to send and keep), it shows every entry of the family's record in order, and what
 * people typed is shown as text, never as markup.
 */
@OwnDataApplicationTest
class FamilyTimelineTests extends SpringBrowserlessTest {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final String TYPED = "<img src=x onerror=alert(1)> Mum & Dad said \"yes\"";

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Families families;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void everyEntryIsShownInOrderAndWhatPeopleTypedIsText() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Timeline");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));
        int version = queue.detail(submitted.request()).summary().version();
        // Decided, not allocated: the shared application's practitioners' caseloads are left as they were.
        queue.decide(submitted.request(), version, NeedLevel.SINGLE_AGENCY, DecisionOutcome.EARLY_HELP, TYPED, false);
        List<TimelineEntry> entries = families.family(submitted.family()).timeline();

        navigate("families/" + submitted.family().value(), FamilyView.class);
        OrderedList timeline = $(OrderedList.class).id("timeline");
        String html = timeline.getElement().getProperty("innerHTML");

        assertThat(timeline.getChildren()).as("one node, not one per entry").isEmpty();
        assertThat(html.split("<li ", -1)).hasSize(entries.size() + 1);
        assertThat(entries).extracting(TimelineEntry::kind).contains("request", "decision");
        int from = 0;
        for (TimelineEntry entry : entries) {
            int at = html.indexOf("<li class=\"timeline-" + entry.kind() + "\">", from);
            assertThat(at).as("entry %s in the record's order", entry.kind()).isGreaterThanOrEqualTo(from);
            from = at + 1;
        }
        assertThat(html)
                .contains("&lt;img src=x onerror=alert(1)&gt; Mum &amp; Dad said &quot;yes&quot;")
                .doesNotContain("<img")
                .contains("<span class=\"timeline-when\" translate=\"no\">");
    }

    /**
     * A family with more entries than a page shows at first: the service and the page say that
     * older entries are left out, rather than dropping the oldest (often the first concerns)
     * without a word, and the page shows them when asked.
     */
    @Test
    void aLongTimelineSaysOlderEntriesAreLeftOutAndShowsThemWhenAsked() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Chronology");
        // A thousand consents recorded before the request: with the request and its own consent,
        // 1,002 entries, the oldest "Consent 1000".
        jdbc.sql("""
                        INSERT INTO referrals.consent (id, family_id, given_by, given_on, how, share_with,
                                                       recorded_by, recorded_at)
                        SELECT gen_random_uuid(), ?, 'Consent ' || n, current_date - 30, 'IN_PERSON', 'School',
                               'teacher', now() - interval '1 day' - n * interval '1 minute'
                        FROM generate_series(1, 1000) n""").param(submitted.family().value()).update();
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));

        FamilyRecord first = families.family(submitted.family());
        FamilyRecord whole = families.family(submitted.family(), 2 * Families.TIMELINE_PAGE);
        assertThat(first.timeline()).hasSize(Families.TIMELINE_PAGE);
        assertThat(first.olderTimelineEntries()).isTrue();
        assertThat(whole.timeline()).hasSize(1002);
        assertThat(whole.olderTimelineEntries()).isFalse();
        assertThat(whole.timeline().subList(0, Families.TIMELINE_PAGE)).isEqualTo(first.timeline());
        assertThat(whole.timeline().getLast().title()).isEqualTo("Consent given by Consent 1000 (In person)");
        assertThat(first.timeline()).noneMatch(e -> e.title().contains("Consent 1000"));
        assertThat(families.family(submitted.family(), 1002).olderTimelineEntries())
                .isFalse();
        assertThat(families.family(submitted.family(), 1001).olderTimelineEntries())
                .isTrue();
        assertThatThrownBy(() -> families.family(submitted.family(), Families.TIMELINE_MOST + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> families.family(submitted.family(), 0)).isInstanceOf(IllegalArgumentException.class);

        navigate("families/" + submitted.family().value(), FamilyView.class);
        assertThat(entriesShown()).isEqualTo(Families.TIMELINE_PAGE);
        assertThat($(Paragraph.class).id("timeline-older").getText())
                .isEqualTo("This timeline shows the newest 1,000 entries. Older entries are not shown yet.");
        assertThat($(Button.class).id("timeline-show-older").getText()).isEqualTo("Show 1,000 older entries");

        test($(Button.class).id("timeline-show-older")).click();

        assertThat(entriesShown()).isEqualTo(1002);
        assertThat($(OrderedList.class).id("timeline").getElement().getProperty("innerHTML"))
                .contains("Consent 1000")
                .containsOnlyOnce("id=\"timeline-first-older\"");
        assertThat($(Paragraph.class).withId("timeline-older").exists()).isFalse();
        assertThat($(Button.class).withId("timeline-show-older").exists()).isFalse();
    }

    private int entriesShown() {
        return $(OrderedList.class)
                        .id("timeline")
                        .getElement()
                        .getProperty("innerHTML")
                        .split("<li ", -1)
                        .length
                - 1;
    }

    /**
     * A case's work log holds its newest {@link Cases#CONTACTS_SHOWN} contacts and says when there
     * are older ones; the family's timeline has every one of them.
     */
    @Test
    void aCasesWorkLogSaysWhenOlderContactsAreLeftOutAndTheTimelineHasThemAll() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Worklog");
        CaseId caseId = ledWithContacts(submitted, Cases.CONTACTS_SHOWN + 1, "Visit ", "");
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));

        CaseRecord record = cases.caseRecord(caseId);
        assertThat(record.contacts().size()).isEqualTo(Cases.CONTACTS_SHOWN);
        assertThat(record.contacts().more()).isTrue();
        assertThat(record.contacts().items()).noneMatch(c -> c.note().equals("Visit " + (Cases.CONTACTS_SHOWN + 1)));
        assertThat(families.family(submitted.family()).timeline())
                .filteredOn(e -> e.kind().equals("contact"))
                .hasSize(Cases.CONTACTS_SHOWN + 1);

        navigate("cases/" + caseId, CaseView.class);
        assertThat($(Paragraph.class).id("contacts-older").getText())
                .isEqualTo("This log shows the newest 200 contacts. Older contacts are not shown here: they are all on"
                        + " the family's timeline, for those who work with the family.");

        jdbc.sql("DELETE FROM referrals.contact WHERE case_id = ? AND note = ?")
                .params(caseId.value(), "Visit " + (Cases.CONTACTS_SHOWN + 1))
                .update();
        assertThat(cases.caseRecord(caseId).contacts().more()).isFalse();
    }

    /**
     * A subject access export holds everything: past the {@link Families#TIMELINE_MOST} entries
     * the timeline's page reads at most, every contact of a case and every entry of the timeline
     * are in it.
     */
    @Test
    void aSubjectAccessExportHoldsEveryContactAndEveryEntryOfALongRecord() {
        int contacts = Families.TIMELINE_MOST + 1;
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Longrecord");
        CaseId caseId = ledWithContacts(submitted, contacts, "Call ", ".");
        SignedIn.as("admin", Set.of(Role.ADMIN), Set.of());

        String export;
        try {
            export = families.subjectAccess(submitted.family(), "SAR-2026-0042 from the family's solicitor");
        } finally {
            // So many rows would slow the other tests that read every contact.
            jdbc.sql("DELETE FROM referrals.contact WHERE case_id = ?")
                    .param(caseId.value())
                    .update();
        }
        int timelineStarts = export.indexOf("\nTimeline\n");
        assertThat(timelineStarts).isPositive();
        assertThat(callsIn(export.substring(0, timelineStarts)))
                .as("contacts in the case section")
                .isEqualTo(contacts);
        assertThat(callsIn(export.substring(timelineStarts)))
                .as("contacts on the timeline")
                .isEqualTo(contacts);
        assertThat(export).contains("Call 1.", "Call " + contacts + ".");
    }

    /**
     * The request decided and allocated to the family worker, and its case given {@code count} home
     * visits the day before, a second apart, the first the newest, noted as their number between
     * {@code before} and {@code after}.
     */
    private CaseId ledWithContacts(Submitted submitted, int count, String before, String after) {
        Caseloads.roomFor(jdbc, CENTRAL.value(), "family.worker", 1);
        CaseId caseId = NewFamilyRequests.ledByFamilyWorker(queue, submitted, CENTRAL);
        jdbc.sql("""
                        INSERT INTO referrals.contact (id, case_id, happened_on, kind, minutes, child_seen, note, logged_by,
                                                       logged_name, logged_at)
                        SELECT gen_random_uuid(), ?, current_date - 1, 'HOME_VISIT', 30, false, ? || n || ?,
                               'family.worker', 'Family Worker', now() - n * interval '1 second'
                        FROM generate_series(1, ?) n""").params(caseId.value(), before, after, count).update();
        return caseId;
    }

    private static long callsIn(String part) {
        return part.lines().filter(l -> l.matches(".*\\bCall \\d+\\..*")).count();
    }

    /**
     * The family's hub lead sees the newest {@link Families#BREAK_GLASS_LISTED} break-glass reads
     * on the record and is told there are older ones, rather than losing sight of them without a
     * word.
     */
    @Test
    void aHubLeadSeesTheNewestBreakGlassReadsAndIsToldOfOlderOnes() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Glassread");
        jdbc.sql("""
                        INSERT INTO referrals.break_glass (id, family_id, hub_id, actor, actor_name, actor_roles, reason,
                                                           read_at)
                        SELECT gen_random_uuid(), ?, ?, 'admin', 'An Administrator', 'ADMIN', 'Reason number ' || n,
                               now() - n * interval '1 minute'
                        FROM generate_series(1, ?) n""")
                .params(submitted.family().value(), CENTRAL.value(), Families.BREAK_GLASS_LISTED + 1)
                .update();
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));

        FamilyRecord record = families.family(submitted.family());
        assertThat(record.breakGlassReads().size()).isEqualTo(Families.BREAK_GLASS_LISTED);
        assertThat(record.breakGlassReads().more()).isTrue();
        assertThat(record.breakGlassReads().items().getFirst().reason()).isEqualTo("Reason number 1");

        navigate("families/" + submitted.family().value(), FamilyView.class);
        assertThat($(Paragraph.class).id("break-glass-older").getText())
                .isEqualTo("These are the newest 100 reads. Older ones are in the audit trail, where an administrator"
                        + " can find them.");
    }

    /**
     * A break-glass read refused because its reason named one of the family's people told the
     * administrator that the name is in the record: the family's hub lead sees the refusal beside
     * the reads, without the reason.
     */
    @Test
    void aHubLeadSeesABreakGlassReadRefusedForNamingSomeoneWithoutItsReason() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Glassprobe");
        String surname = jdbc.sql("SELECT family_name FROM referrals.person WHERE family_id = ? LIMIT 1")
                .param(submitted.family().value())
                .query(String.class)
                .single();
        SignedIn.admin();
        assertThatThrownBy(() -> families.breakGlass(
                        submitted.family(), "Is this the " + surname + " family the police asked about?"))
                .isInstanceOf(ValidationException.class);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));

        navigate("families/" + submitted.family().value(), FamilyView.class);
        String reads = $(Section.class).id("break-glass-reads").getElement().getTextRecursively();
        assertThat(reads)
                .contains("(admin)")
                .contains("was refused: their reason named someone in this family's record")
                .doesNotContain("police asked");
    }
}
