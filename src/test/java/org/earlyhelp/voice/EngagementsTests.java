package org.earlyhelp.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The timetable of engagement against the real database: partners plan and read it, bad input
 * saves nothing, only the planner or an administrator takes an engagement off (audited), and the
 * flags count every engagement of a term, not only those in the window shown.
 */
@OwnDataApplicationTest
class EngagementsTests {

    private static final HubId CENTRAL = new HubId("dudley-central");

    @Autowired
    Engagements engagements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    /** A September far enough ahead that nothing else is planned in its term. */
    private static LocalDate september() {
        return LocalDate.of(
                WorkingCalendar.LONDON.getRules() == null ? 2100 : 2100 + (int) (System.nanoTime() % 700), 9, 1);
    }

    private Engagements.Draft draft(String audience, LocalDate starts, int days) {
        return new Engagements.Draft(
                "Feeling safe on the way to school",
                11,
                16,
                CENTRAL,
                audience,
                EngagementMethod.SURVEY,
                starts,
                starts.plusDays(days),
                "Dudley CVS");
    }

    @Test
    void partnersPlanAndTheFlagsCountTheWholeTerm() {
        LocalDate autumn = september();
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        UUID early = engagements.plan(draft("Castle High " + autumn, autumn.plusDays(5), 2));
        UUID clash = engagements.plan(draft("Youth club " + autumn, autumn.plusDays(6), 2));
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        engagements.plan(draft("castle high " + autumn, autumn.plusDays(40), 1));
        UUID third = engagements.plan(draft("Castle High " + autumn, autumn.plusDays(80), 1));

        // Only the third is in the window; the group's count still takes in the two before it.
        List<Engagements.Planned> shown = engagements.timetable(autumn.plusDays(79), autumn.plusDays(85));
        assertThat(shown).extracting(p -> p.engagement().id()).containsExactly(third);
        assertThat(shown.getFirst().flags().askedThisTerm()).isEqualTo(3);
        assertThat(shown.getFirst().flags().askedTooOften()).isTrue();
        assertThat(engagements.timetable(autumn.plusDays(5), autumn.plusDays(5)))
                .singleElement()
                .satisfies(p -> assertThat(p.flags().clashesWith()).containsExactly(clash));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'plan-engagement' AND record_id = ?")
                        .param(early.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        int before = jdbc.sql("SELECT count(*) FROM voice.engagement")
                .query(Integer.class)
                .single();
        assertThatThrownBy(() -> engagements.plan(
                        new Engagements.Draft(" ", null, 30, new HubId("nowhere"), "", null, null, null, "x")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messages())
                                .containsOnlyKeys(
                                        "topic",
                                        "audience",
                                        "organisation",
                                        "youngest",
                                        "oldest",
                                        "hub",
                                        "method",
                                        "startsOn",
                                        "endsOn"));
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        assertThatThrownBy(() -> engagements.plan(new Engagements.Draft(
                        "Topic",
                        16,
                        11,
                        null,
                        "Group",
                        EngagementMethod.WORKSHOP,
                        today.minusDays(1),
                        today.minusDays(2),
                        "Dudley CVS")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messages()).containsOnlyKeys("oldest", "startsOn", "endsOn"));
        assertThatThrownBy(() -> engagements.plan(new Engagements.Draft(
                        "Topic",
                        11,
                        16,
                        null,
                        "Group",
                        EngagementMethod.WORKSHOP,
                        today,
                        today.plusDays(400),
                        "Dudley CVS")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("endsOn"));
        assertThat(jdbc.sql("SELECT count(*) FROM voice.engagement")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void onlyThePlannerOrAnAdministratorTakesItOffAndOnlyPartnersSeeIt() {
        LocalDate autumn = september();
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        UUID mine = engagements.plan(draft("Netherton Park " + autumn, autumn.plusDays(3), 1));
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> engagements.remove(mine)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit.entry WHERE action = 'refused:remove-engagement' AND record_id = ?")
                        .param(mine.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        for (Role role : List.of(Role.COMMISSIONER, Role.YOUNG_PERSON)) {
            SignedIn.as("someone", Set.of(role), Set.of());
            assertThatThrownBy(() -> engagements.timetable(autumn, autumn.plusDays(10)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> engagements.plan(draft("Any", autumn, 1)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        SignedIn.admin();
        engagements.remove(mine);
        assertThat(engagements.timetable(autumn, autumn.plusDays(10)))
                .noneSatisfy(p -> assertThat(p.engagement().id()).isEqualTo(mine));
    }
}
