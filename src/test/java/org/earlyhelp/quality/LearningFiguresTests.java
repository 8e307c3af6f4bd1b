package org.earlyhelp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.quality.ActionThemes.Theme;
import org.earlyhelp.quality.LearningFigures.ActionRow;
import org.earlyhelp.quality.LearningFigures.GradeRow;
import org.earlyhelp.quality.LearningFigures.Learning;
import org.earlyhelp.shared.HubId;
import org.junit.jupiter.api.Test;

/** The learning figures and the actions' themes, worked by hand, without Spring. */
class LearningFiguresTests {

    static final HubId NORTH = new HubId("north-dudley");
    static final HubId CENTRAL = new HubId("dudley-central");
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final YearMonth NOV = YearMonth.of(2026, 11);
    static final UUID CASE = new UUID(9, 9);

    static List<GradeRow> audit(UUID audit, UUID caseId, HubId hub, YearMonth month, Grade voice, Grade plan) {
        return List.of(
                new GradeRow(audit, caseId, hub, month, 0, "Voice", voice),
                new GradeRow(audit, caseId, hub, month, 1, "Plan", plan));
    }

    @Test
    void sharesGoodOrBetterByMonthDomainAndHubAndWhatChangedOnReAudit() {
        UUID a = new UUID(1, 1);
        UUID b = new UUID(1, 2);
        UUID c = new UUID(1, 3);
        List<GradeRow> grades = new ArrayList<>();
        grades.addAll(audit(a, CASE, NORTH, OCT, Grade.INADEQUATE, Grade.GOOD));
        grades.addAll(audit(b, new UUID(8, 8), CENTRAL, OCT, Grade.OUTSTANDING, Grade.REQUIRES_IMPROVEMENT));
        grades.addAll(audit(c, CASE, NORTH, NOV, Grade.GOOD, Grade.GOOD));
        Learning l = LearningFigures.of(grades, List.of(), LocalDate.of(2026, 12, 3));

        assertThat(l.audits()).isEqualTo(3);
        // 4 of 6 grades are good or outstanding.
        assertThat(l.overall().grades()).isEqualTo(6);
        assertThat(l.overall().goodOrBetter()).isEqualTo(4);
        assertThat(l.months())
                .extracting(m -> m.month(), m -> m.audits(), m -> m.count().percent())
                .containsExactly(tuple(OCT, 2, 50.0), tuple(NOV, 1, 100.0));
        assertThat(l.domains())
                .extracting(
                        d -> d.domain(),
                        d -> d.count().goodOrBetter(),
                        d -> d.count().grades())
                .containsExactly(tuple("Voice", 2, 3), tuple("Plan", 2, 3));
        assertThat(l.domains().getFirst().byGrade())
                .containsEntry(Grade.INADEQUATE, 1)
                .containsEntry(Grade.OUTSTANDING, 1)
                .containsEntry(Grade.GOOD, 1);
        assertThat(l.hubs())
                .extracting(h -> h.hub(), h -> h.audits(), h -> h.count().goodOrBetter())
                .containsExactly(tuple(CENTRAL, 1, 1), tuple(NORTH, 2, 3));
        assertThat(l.reAudits()).singleElement().satisfies(r -> {
            assertThat(r.caseId()).isEqualTo(CASE);
            assertThat(r.first()).isEqualTo(OCT);
            assertThat(r.latest()).isEqualTo(NOV);
            assertThat(r.before().percent()).isEqualTo(50.0);
            assertThat(r.after().percent()).isEqualTo(100.0);
        });
    }

    @Test
    void actionsAreCountedUnderEveryThemeTheyTouchWithWhatIsOpenAndOverdue() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        Learning l = LearningFigures.of(
                List.of(),
                List.of(
                        new ActionRow("See the child alone and record their views.", today.minusDays(1), false),
                        new ActionRow("Invite the school to the next review.", today.plusDays(5), false),
                        new ActionRow("Tidy up.", today.minusDays(9), true)),
                today);
        assertThat(l.themes())
                .filteredOn(t -> t.theme() == Theme.CHILD_VOICE)
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.actions()).isEqualTo(1);
                    assertThat(t.open()).isEqualTo(1);
                    assertThat(t.overdue()).isEqualTo(1);
                });
        assertThat(l.themes())
                .filteredOn(t -> t.theme() == Theme.RECORDING)
                .singleElement()
                .satisfies(t -> assertThat(t.actions()).isEqualTo(1));
        assertThat(l.themes())
                .filteredOn(t -> t.theme() == Theme.PARTNERS)
                .singleElement()
                .satisfies(t -> assertThat(t.overdue()).isZero());
        assertThat(l.themes())
                .filteredOn(t -> t.theme() == Theme.OTHER)
                .singleElement()
                .satisfies(t -> assertThat(t.open()).isZero());
        assertThat(ActionThemes.of("Ask the GP and the school.")).containsExactly(Theme.PARTNERS);
        assertThat(ActionThemes.of("Book supervision before closure.")).containsExactly(Theme.OVERSIGHT, Theme.CLOSURE);
    }
}
