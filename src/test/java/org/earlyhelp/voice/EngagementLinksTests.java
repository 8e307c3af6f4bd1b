package org.earlyhelp.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.EngagementLink.Kind;
import org.earlyhelp.voice.EngagementLink.LinkedInvitation;
import org.earlyhelp.voice.EngagementLink.Links;
import org.earlyhelp.voice.EngagementLink.LundyRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * An engagement links to the invitations that asked its group and the answers that came of it:
 * only its planner, its hub's lead or an administrator link, only what belongs to a hub they work
 * in, never one child's invitation; the Lundy report has one row per hearing of each answer.
 */
@OwnDataApplicationTest
class EngagementLinksTests {

    static final HubId CENTRAL = new HubId("dudley-central");

    @Autowired
    EngagementLinks links;

    @Autowired
    Engagements engagements;

    @Autowired
    Invitations invitations;

    @Autowired
    JdbcClient jdbc;

    private UUID planned;

    @AfterEach
    void cleanUp() {
        if (planned != null) {
            jdbc.sql("DELETE FROM voice.engagement WHERE id = ?").param(planned).update();
        }
        jdbc.sql("DELETE FROM voice.invitation WHERE label = 'For one child'").update();
        SignedIn.nobody();
    }

    @Test
    void theLinksAreMadeOnlyByThoseWhoMayAndOnlyForWhatIsTheirs() {
        LocalDate today = WorkingCalendar.today(Clock.system(WorkingCalendar.LONDON));
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        planned = engagements.plan(new Engagements.Draft(
                "Safer walks home",
                12,
                16,
                CENTRAL,
                "Year 9, Castle High School",
                EngagementMethod.WORKSHOP,
                today.plusDays(3),
                today.plusDays(10),
                "Dudley CVS"));
        Invitation group = invitations.create(InvitationKind.GROUP, CENTRAL, null, "Safer walks workshop", null, 30);
        Links before = links.links(planned);
        assertThat(before.mayLink()).isTrue();
        assertThat(before.invitations().items()).isEmpty();
        assertThat(before.otherInvitations().items())
                .extracting(LinkedInvitation::id)
                .contains(group.id());

        links.link(planned, Kind.INVITATION, group.id());
        Links after = links.links(planned);
        assertThat(after.invitations().items()).extracting(LinkedInvitation::id).containsExactly(group.id());
        assertThat(after.otherInvitations().items())
                .extracting(LinkedInvitation::id)
                .doesNotContain(group.id());

        // One child's invitation, as a case's lead would make it.
        UUID oneChild = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO voice.invitation (id, code, kind, hub_id, case_id, label, created_by, created_at, expires_at)
                        VALUES (?, ?, 'CASE', 'dudley-central', ?, 'For one child', 'cvs.worker', now(), now() + interval '30 days')""")
                .params(oneChild, "T" + oneChild.toString().substring(0, 11), UUID.randomUUID())
                .update();
        assertThatThrownBy(() -> links.link(planned, Kind.INVITATION, oneChild))
                .as("one child's invitation is never a consultation's")
                .isInstanceOf(ValidationException.class);

        // Someone who neither planned it nor leads its hub.
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThat(links.links(planned).mayLink()).isFalse();
        assertThatThrownBy(() -> links.unlink(planned, Kind.INVITATION, group.id()))
                .isInstanceOf(AccessDeniedException.class);
        // Another hub's lead.
        SignedIn.as("lead.elsewhere", Set.of(Role.HUB_LEAD), Set.of("north-dudley"));
        assertThatThrownBy(() -> links.unlink(planned, Kind.INVITATION, group.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.entry WHERE action = 'refused:unlink-engagement' AND record_id = ?""").param(planned.toString()).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(links.links(planned).invitations().items()).hasSize(1);

        // The hub's lead may unlink it.
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        links.unlink(planned, Kind.INVITATION, group.id());
        assertThat(links.links(planned).invitations().items()).isEmpty();
    }

    @Test
    void theLundyReportHasARowForEachHearingOfEachAnswerThatCameOfAnEngagement() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        LocalDate today = WorkingCalendar.today(Clock.system(WorkingCalendar.LONDON));
        List<LundyRow> rows = links.lundy(today.minusDays(90), today.minusDays(30));
        // Counted here from the stored rows: the demonstration's engagement that has run.
        int hearings = jdbc.sql("""
                        SELECT count(h.*) FROM voice.engagement e JOIN voice.response r ON r.engagement_id = e.id
                        JOIN voice.hearing h ON h.response_id = r.id WHERE e.topic = 'What the youth club offers'""").query(Integer.class).single();
        int answers = jdbc.sql("""
                        SELECT coalesce(sum(i.answers), 0) FROM voice.engagement e
                        JOIN voice.invitation i ON i.engagement_id = e.id WHERE e.topic = 'What the youth club offers'""").query(Integer.class).single();
        List<LundyRow> ran = rows.stream()
                .filter(r -> r.topic().equals("What the youth club offers"))
                .toList();
        assertThat(hearings).as("the demonstration's answer was heard").isPositive();
        assertThat(ran).hasSize(hearings);
        assertThat(ran).allSatisfy(r -> {
            assertThat(r.answers()).isEqualTo(answers);
            assertThat(r.theme()).isEqualTo("things to do");
            assertThat(r.whatChanged()).isNotBlank();
        });
        assertThat(links.topicsOfResponses(CENTRAL)).containsValue("What the youth club offers");
    }
}
