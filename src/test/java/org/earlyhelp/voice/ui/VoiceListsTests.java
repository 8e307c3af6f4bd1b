package org.earlyhelp.voice.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.work.WaitingWork;
import org.earlyhelp.testing.HomeCounts;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.EngagementLink.Links;
import org.earlyhelp.voice.EngagementLink.LundyRow;
import org.earlyhelp.voice.EngagementLink.Reach;
import org.earlyhelp.voice.EngagementLinks;
import org.earlyhelp.voice.EngagementMethod;
import org.earlyhelp.voice.Engagements;
import org.earlyhelp.voice.FeedbackInbox;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.Response;
import org.earlyhelp.voice.YouSaidWeDid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The voice pages' lists (a hub's invitations, its responses and its public "you said, we did"
 * page) stop at the newest so many: past that, the service and the page say so, while the board's
 * CSV and what a young person sees about their own themes still come from every response. Without
 * a browser, in a hub the other tests leave alone; the rows are made in SQL and removed after. An
 * engagement's page does the same for what is linked to it.
 */
@OwnDataApplicationTest
class VoiceListsTests extends SpringBrowserlessTest {

    static final HubId HUB = new HubId("kingswinford");
    static final String MARK = "Voice lists test";
    static final String YOUNG_PERSON = "voice.lists.young.person";

    @Autowired
    Invitations invitations;

    @Autowired
    YouSaidWeDid responses;

    @Autowired
    FeedbackInbox inbox;

    @Autowired
    Engagements engagements;

    @Autowired
    EngagementLinks links;

    @Autowired
    CurrentUsers currentUsers;

    @Autowired
    List<WaitingWork> waitingWork;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeOwnRowsAndSignOut() {
        SignedIn.nobody();
        jdbc.sql("DELETE FROM voice.feedback WHERE account = ?")
                .param(YOUNG_PERSON)
                .update();
        jdbc.sql("DELETE FROM voice.invitation WHERE label LIKE ?")
                .param(MARK + "%")
                .update();
        jdbc.sql("DELETE FROM voice.hearing WHERE response_id IN (SELECT id FROM voice.response WHERE owner = ?)")
                .param(MARK)
                .update();
        jdbc.sql("DELETE FROM voice.response WHERE owner = ?").param(MARK).update();
        jdbc.sql("DELETE FROM voice.engagement WHERE topic = ?").param(MARK).update();
    }

    @Test
    void theHubsInvitationsSayWhenOlderOnesAreNotListed() {
        invitations(Invitations.MOST_LISTED + 1);
        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));

        assertThat(invitations.ofHub(HUB).size()).isEqualTo(Invitations.MOST_LISTED);
        assertThat(invitations.ofHub(HUB).more()).isTrue();
        assertThat(invitations.ofHub(HUB).items()).noneMatch(i -> i.label().equals(MARK + " 201"));

        navigate("voice/invitations", InvitationsView.class);
        assertThat($(Paragraph.class).id("invitations-older").getText())
                .isEqualTo("This page lists the newest 200 invitations. To find an older one, type part of its name"
                        + " or code above; its code works until it closes.");

        // Without this test's own, the hub has fewer than the list holds.
        jdbc.sql("DELETE FROM voice.invitation WHERE label LIKE ?")
                .param(MARK + "%")
                .update();
        assertThat(invitations.ofHub(HUB).more()).isFalse();
        // Away and back: the same page again would keep what it drew.
        navigate("voice/feedback", FeedbackView.class);
        navigate("voice/invitations", InvitationsView.class);
        assertThat($(Paragraph.class).withId("invitations-older").exists()).isFalse();
    }

    @Test
    void theHubsResponsesSayWhenOlderOnesAreNotListedAndTheReportHasThemAll() {
        published(YouSaidWeDid.MOST_LISTED + 1);
        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));

        assertThat(responses.ofHub(HUB).size()).isEqualTo(YouSaidWeDid.MOST_LISTED);
        assertThat(responses.ofHub(HUB).more()).isTrue();
        List<Response> report = responses.report(HUB);
        assertThat(report).filteredOn(r -> r.owner().equals(MARK)).hasSize(YouSaidWeDid.MOST_LISTED + 1);
        // The oldest answer, on a theme of its own, still reaches the young person who raised it.
        assertThat(responses.publishedOn(HUB, List.of("distance from home")))
                .singleElement()
                .satisfies(r -> assertThat(r.youSaid()).isEqualTo("The oldest thing you said"));

        navigate("voice/feedback", FeedbackView.class);
        assertThat($(Paragraph.class).id("responses-older").getText())
                .isEqualTo("This page lists the newest 200 responses. To find an older one, search above; the CSV"
                        + " below has them all.");

        SignedIn.nobody();
        assertThat(responses.published(HUB).more()).isTrue();
        assertThat(responses.published(HUB).items()).noneMatch(r -> r.theme().equals("distance from home"));
        navigate("you-said-we-did/" + HUB.value(), PublicAnswersView.class);
        assertThat($(Paragraph.class).id("answers-older").getText())
                .isEqualTo("These are the newest 200 answers. Older answers are not shown here.");
    }

    /** Group invitations of the hub, open for a day, "… 1" the newest. */
    /**
     * Any invitation, however old, is found by part of its name or of its code (as shown, typed in
     * any case, dashes or none) and can be closed from the page; the search keeps who sees what.
     */
    @Test
    void anyInvitationIsFoundByNameOrCodeAndClosed() {
        invitations(Invitations.MOST_LISTED + 1);
        String code = "QQQQ" + "0123456789ABCDEF".substring(0, 12);
        jdbc.sql("UPDATE voice.invitation SET code = ? WHERE label = ?")
                .params(code, MARK + " 201")
                .update();
        jdbc.sql("UPDATE voice.invitation SET expires_at = now() - interval '1 day' WHERE label = ?")
                .param(MARK + " 200")
                .update();
        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));
        assertThat(invitations.ofHub(HUB).items()).noneMatch(i -> i.label().equals(MARK + " 201"));

        String shown = "QQQQ-0123-4567-89AB";
        assertThat(invitations
                        .search(HUB, shown.toLowerCase(Locale.ROOT), false)
                        .items())
                .extracting(Invitation::label)
                .containsExactly(MARK + " 201");
        assertThat(invitations.search(HUB, " qqqq 01 ", false).items())
                .extracting(Invitation::label)
                .containsExactly(MARK + " 201");
        assertThat(invitations.search(HUB, "QQQ", false).items())
                .as("fewer than 4 characters of a code match no code")
                .isEmpty();
        assertThat(invitations.search(HUB, "TEST 201", false).items())
                .extracting(Invitation::label)
                .containsExactly(MARK + " 201");
        assertThat(invitations.search(HUB, MARK + " 200", false).items())
                .extracting(Invitation::label)
                .containsExactly(MARK + " 200");
        assertThat(invitations.search(HUB, MARK + " 200", true).items())
                .as("a closed code is left out when only open ones are asked for")
                .isEmpty();
        Listing<Invitation> named = invitations.search(HUB, MARK, false);
        assertThat(named.size()).isEqualTo(Invitations.MOST_LISTED);
        assertThat(named.more()).isTrue();

        // The hub's safeguarding lead sees the hub's codes too; another practitioner only their own.
        SignedIn.as("lead.kingswinford", Set.of(Role.PRACTITIONER), Set.of(HUB.value()));
        assertThat(invitations.search(HUB, shown, false).items()).hasSize(1);
        SignedIn.as("voice.lists.practitioner", Set.of(Role.PRACTITIONER), Set.of(HUB.value()));
        assertThat(invitations.search(HUB, shown, false).items()).isEmpty();
        assertThat(invitations.search(HUB, MARK, false).items()).isEmpty();
        SignedIn.as("lead.north-dudley", Set.of(Role.HUB_LEAD), Set.of("north-dudley"));
        assertThatThrownBy(() -> invitations.search(HUB, shown, false)).isInstanceOf(AccessDeniedException.class);

        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));
        navigate("voice/invitations", InvitationsView.class);
        assertThat($(Paragraph.class).id("invitations-found").getText())
                .as("nothing to announce before a search")
                .isEmpty();
        test($(TextField.class).id("invitation-search")).setValue(shown);
        assertThat($(H2.class).from(list()).all()).extracting(H2::getText).containsExactly(MARK + " 201");
        Paragraph found = $(Paragraph.class).id("invitations-found");
        assertThat(found.getText()).isEqualTo("1 invitation matches.");
        assertThat(found.getElement().getAttribute("role")).isEqualTo("status");
        test($(Button.class).from(list()).withClassName("close-code").single()).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat($(ListItem.class).from(list()).all())
                .anyMatch(li -> li.getText().startsWith("Closed on "));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'close' AND record_id = ?")
                        .param(invitations
                                .search(HUB, shown, false)
                                .items()
                                .getFirst()
                                .id()
                                .toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        test($(Checkbox.class).id("invitation-only-open")).click();
        assertThat($(Paragraph.class).id("invitations-none").getText())
                .isEqualTo("No invitation you can see matches. Check the code, or clear the search to see the newest.");
        assertThat(found.getText()).isEqualTo("No invitation matches.");
        test($(Checkbox.class).id("invitation-only-open")).click();
        test($(TextField.class).id("invitation-search")).setValue(MARK);
        assertThat($(Paragraph.class).id("invitations-older").getText())
                .isEqualTo("The newest 200 invitations that match are listed. Type more of the name or code to find an"
                        + " older one.");
        assertThat(found.getText()).isEqualTo("More than 200 invitations match; the newest 200 are listed.");
    }

    private Div list() {
        return $(Div.class).id("invitation-list");
    }

    private void invitations(int count) {
        jdbc.sql("""
                        INSERT INTO voice.invitation (id, code, kind, hub_id, label, age_band, created_by, created_at,
                          expires_at)
                        SELECT gen_random_uuid(), 'voicelists' || n || '-' || gen_random_uuid(), 'GROUP', ?, ? || ' ' || n,
                               'TEEN', 'voice.lists.maker', now() - n * interval '1 minute', now() + interval '1 day'
                        FROM generate_series(1, ?) n""").params(HUB.value(), MARK, count).update();
    }

    /**
     * Any response, however old, is found by words of its theme, of what was said or of what was
     * done; its answer can then be changed, which takes it off the public pages until it is
     * approved again.
     */
    @Test
    void anOlderResponseIsFoundAndItsAnswerCanBeTakenOffThePublicPages() {
        published(YouSaidWeDid.MOST_LISTED + 1);
        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));
        assertThat(responses.ofHub(HUB).items()).noneMatch(r -> r.youSaid().equals("The oldest thing you said"));

        assertThat(responses.search(HUB, "  the OLDEST thing ").items())
                .extracting(Response::youSaid)
                .containsExactly("The oldest thing you said");
        assertThat(responses.search(HUB, "distance from home").items())
                .extracting(Response::youSaid)
                .containsExactly("The oldest thing you said");
        assertThat(responses.search(HUB, "We did it").items())
                .as("what was done is searched too")
                .filteredOn(r -> r.owner().equals(MARK))
                .hasSize(YouSaidWeDid.MOST_LISTED);
        assertThat(responses.search(HUB, "We did it").more()).isTrue();
        SignedIn.as("lead.north-dudley", Set.of(Role.HUB_LEAD), Set.of("north-dudley"));
        assertThatThrownBy(() -> responses.search(HUB, "oldest")).isInstanceOf(AccessDeniedException.class);

        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));
        navigate("voice/feedback", FeedbackView.class);
        assertThat($(Paragraph.class).id("responses-found").getText())
                .as("nothing to announce before a search")
                .isEmpty();
        test($(TextField.class).id("response-search")).setValue("the oldest thing");
        Paragraph found = $(Paragraph.class).id("responses-found");
        assertThat(found.getText()).isEqualTo("1 response matches.");
        assertThat(found.getElement().getAttribute("role")).isEqualTo("status");
        ResponseCard card = $(ResponseCard.class).single();
        assertThat($(H3.class).from(card).single().getText())
                .as("the oldest, the only one on its theme")
                .isEqualTo("About: distance from home");
        test($(TextArea.class).from(card).withClassName("response-we-did").single())
                .setValue("We moved the group nearer the bus station.");
        test($(Button.class).from(card).withClassName("save-answer").single()).click();
        assertThat(responses.publishedOn(HUB, List.of("distance from home")))
                .as("a changed answer waits for approval again, off the public pages")
                .isEmpty();
        assertThat(responses.search(HUB, "nearer the bus station").items())
                .singleElement()
                .satisfies(r -> assertThat(r.publishedAt()).isNull());

        test($(TextField.class).id("response-search")).setValue("nothing anyone said");
        assertThat($(Paragraph.class).id("responses-none").getText())
                .isEqualTo("No response of this hub matches. Clear the search to see the newest.");
        assertThat($(Paragraph.class).id("responses-found").getText()).isEqualTo("No response matches.");
        // "You said 1" to "You said 200", and "The oldest thing you said": 201.
        test($(TextField.class).id("response-search")).setValue("you said");
        assertThat($(Paragraph.class).id("responses-older").getText())
                .isEqualTo("The newest 200 responses that match are listed. Add words to find an older one.");
        assertThat($(Paragraph.class).id("responses-found").getText())
                .isEqualTo("More than 200 responses match; the newest 200 are listed.");
    }

    /** Published responses of the hub, the newest first; the oldest is on distance from home, the others on school. */
    private void published(int count) {
        jdbc.sql("""
                        INSERT INTO voice.response (id, hub_id, theme, you_said, owner, decision, status, we_did,
                          approved_by, approved_at, published_at, created_at)
                        SELECT gen_random_uuid(), ?, CASE WHEN n = ? THEN 'distance from home' ELSE 'school' END,
                               CASE WHEN n = ? THEN 'The oldest thing you said' ELSE 'You said ' || n END, ?,
                               'Decided', 'DONE', 'We did it', 'lead.kingswinford', now(), now() - n * interval '1 minute',
                               now() - n * interval '1 minute'
                        FROM generate_series(1, ?) n""").params(HUB.value(), count, count, MARK, count).update();
    }

    /**
     * A young person's own page lists the newest {@link FeedbackInbox#MINE_LISTED} things they told
     * us and says there are older ones; their home page counts them all.
     */
    @Test
    void aYoungPersonsOwnFeedbackSaysWhenOlderIsNotShownAndTheHomePageCountsItAll() {
        invitations(1);
        jdbc.sql("""
                        INSERT INTO voice.feedback (id, invitation_id, hub_id, age_band, mode, helping, safeguarding,
                                                    submitted_at, account)
                        SELECT gen_random_uuid(), (SELECT id FROM voice.invitation WHERE label = ?), ?, 'TEEN', 'NAMED',
                               'Thing number ' || n, false, now() - n * interval '1 minute', ?
                        FROM generate_series(1, ?) n""")
                .params(MARK + " 1", HUB.value(), YOUNG_PERSON, FeedbackInbox.MINE_LISTED + 1)
                .update();
        SignedIn.as(YOUNG_PERSON, Set.of(Role.YOUNG_PERSON), Set.of());

        assertThat(inbox.mine().size()).isEqualTo(FeedbackInbox.MINE_LISTED);
        assertThat(inbox.mine().more()).isTrue();
        assertThat(HomeCounts.of(waitingWork, currentUsers.require(), "young-person.my-feedback"))
                .isEqualTo(FeedbackInbox.MINE_LISTED + 1);

        navigate("my-feedback", MyFeedbackView.class);
        assertThat($(Paragraph.class).id("my-feedback-older").getText())
                .isEqualTo("These are the newest 200 things you told us. Older ones are not shown here.");
    }

    /**
     * An engagement's page lists the newest {@link EngagementLinks#MOST_LISTED} invitations and
     * answers linked to it, and of those that could be, and says so; its Lundy figures and the
     * Lundy report still count every one linked, and every hearing.
     */
    @Test
    void anEngagementSaysWhenItListsOnlyTheNewestAndItsLundyFiguresCountThemAll() {
        int linked = EngagementLinks.MOST_LISTED + 1;
        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));
        LocalDate today = WorkingCalendar.today(Clock.system(WorkingCalendar.LONDON));
        UUID planned = engagements.plan(new Engagements.Draft(
                MARK,
                12,
                16,
                HUB,
                "Year 9",
                EngagementMethod.WORKSHOP,
                today.plusDays(1),
                today.plusDays(5),
                "Kingswinford CVS"));
        // The newest invitations stay unlinked; the older ones, answered once each, are the engagement's.
        invitations(2 * linked);
        jdbc.sql("UPDATE voice.invitation SET engagement_id = ?, answers = 1 WHERE label LIKE ? AND"
                        + " split_part(label, ' ', 4)::int > ?")
                .params(planned, MARK + "%", linked)
                .update();
        published(linked);
        jdbc.sql("UPDATE voice.response SET engagement_id = ? WHERE owner = ?")
                .params(planned, MARK)
                .update();
        // Only the oldest answer, which the page does not list, has been heard.
        jdbc.sql("""
                        INSERT INTO voice.hearing (id, response_id, heard_by, heard_on, what_changed, recorded_by)
                        SELECT gen_random_uuid(), id, 'The youth council', current_date, 'A later bus', 'lead.kingswinford'
                        FROM voice.response WHERE owner = ? AND theme = 'distance from home'""").param(MARK).update();

        Links l = links.links(planned);
        assertThat(l.invitations().size()).isEqualTo(EngagementLinks.MOST_LISTED);
        assertThat(l.invitations().more()).isTrue();
        assertThat(l.responses().size()).isEqualTo(EngagementLinks.MOST_LISTED);
        assertThat(l.responses().more()).isTrue();
        assertThat(l.responses().items()).noneMatch(r -> r.theme().equals("distance from home"));
        assertThat(l.otherInvitations().more()).isTrue();
        assertThat(l.reach()).isEqualTo(new Reach(linked, linked, linked));
        assertThat(l.hearings()).extracting(Response.Hearing::whatChanged).containsExactly("A later bus");
        List<LundyRow> report = links.lundy(today, today.plusDays(10)).stream()
                .filter(r -> r.topic().equals(MARK))
                .toList();
        assertThat(report).hasSize(linked);
        assertThat(report).allSatisfy(r -> {
            assertThat(r.invitations()).isEqualTo(linked);
            assertThat(r.answers()).isEqualTo(linked);
        });
        assertThat(report)
                .filteredOn(r -> "A later bus".equals(r.whatChanged()))
                .hasSize(1);

        navigate("voice/engagements/" + planned, EngagementView.class);
        assertThat($(Paragraph.class).id("engagement-invitations-older").getText())
                .isEqualTo("101 invitations are linked to this engagement. The newest 100 are listed here; the Lundy"
                        + " model above counts them all.");
        assertThat($(Paragraph.class).id("engagement-responses-older").getText())
                .isEqualTo("101 answers are linked to this engagement. The newest 100 are listed here; the Lundy model"
                        + " above and the Lundy report have them all.");
        assertThat($(ListItem.class).all())
                .extracting(ListItem::getText)
                .contains("Voice: 101 answers through 101 invitations.", "Influence: A later bus");
        assertThat($(Select.class).id("engagement-link-invitation-choose").getHelperText())
                .isEqualTo("Only the newest 100 not yet linked are offered here.");
    }
}
