package org.earlyhelp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.earlyhelp.quality.AuditChecks.ActionDraft;
import org.earlyhelp.quality.AuditChecks.GradeDraft;
import org.earlyhelp.quality.AuditChecks.ModerationDraft;
import org.junit.jupiter.api.Test;

/** What an audit's grades, actions, reflection and moderation must be, field by field, without Spring. */
class AuditChecksTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final GradeDraft GOOD = new GradeDraft(Grade.GOOD, "Seen alone at every visit.");

    @Test
    void everyDomainNeedsAGradeAndItsEvidence() {
        assertThat(AuditChecks.grading(2, List.of(GOOD, GOOD), List.of(), Set.of(), TODAY))
                .isEmpty();
        assertThat(AuditChecks.grading(2, List.of(GOOD), List.of(), Set.of(), TODAY))
                .containsOnlyKeys("grades");
        assertThat(AuditChecks.grading(2, List.of(GOOD, new GradeDraft(null, "  ")), List.of(), Set.of(), TODAY))
                .containsOnlyKeys("grade.1", "evidence.1");
        assertThat(AuditChecks.grading(
                        1, List.of(new GradeDraft(Grade.GOOD, "x".repeat(2001))), List.of(), Set.of(), TODAY))
                .containsOnlyKeys("evidence.0");
    }

    @Test
    void anActionNeedsWordsAnOwnerFromTheListAndADateInTheNextSixMonths() {
        Set<String> owners = Set.of("family.worker", "lead.dudley-central");
        assertThat(AuditChecks.grading(
                        1,
                        List.of(GOOD),
                        List.of(new ActionDraft("Ask the child.", "family.worker", TODAY.plusDays(1))),
                        owners,
                        TODAY))
                .isEmpty();
        assertThat(AuditChecks.grading(
                        1,
                        List.of(GOOD),
                        List.of(
                                new ActionDraft(" ", "teacher", TODAY),
                                new ActionDraft("Ask.", null, TODAY.plusWeeks(27)),
                                new ActionDraft("Ask.", "lead.dudley-central", null)),
                        owners,
                        TODAY))
                .containsOnlyKeys("action.0", "owner.0", "due.0", "owner.1", "due.1", "due.2");
    }

    @Test
    void theModeratorAgreesOrChangesAGradeWithAReason() {
        List<Grade> audited = List.of(Grade.GOOD, Grade.INADEQUATE);
        assertThat(AuditChecks.moderation(
                        audited,
                        List.of(new ModerationDraft(Grade.GOOD, null), new ModerationDraft(Grade.INADEQUATE, null)),
                        null))
                .isEmpty();
        assertThat(AuditChecks.moderation(
                        audited,
                        List.of(new ModerationDraft(Grade.OUTSTANDING, " "), new ModerationDraft(null, null)),
                        null))
                .containsOnlyKeys("reason.0", "moderated.1");
        assertThat(AuditChecks.moderation(audited, List.of(), null)).containsOnlyKeys("grades");
        assertThat(AuditChecks.reflection(" ")).containsOnlyKeys("reflection");
        assertThat(AuditChecks.reflection("Fair.")).isEmpty();
    }
}
