package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.referrals.internal.CaseProgress;
import org.earlyhelp.referrals.internal.CaseRow;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The case file aggregate on its own: no Spring, no database. Each step checks its rule, changes
 * only the case it was asked to change, and registers the event it causes; a refused step changes
 * nothing and registers nothing.
 */
class CaseFileTests {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, WorkingCalendar.LONDON);
    private static final LocalDate TODAY = NOW.toLocalDate();
    private static final HubId HUB = new HubId("dudley-central");
    private static final CaseId ID = CaseId.random();
    private static final RequestId REQUEST = RequestId.random();
    private static final Set<OutcomeArea> NEEDS = Set.of(OutcomeArea.EDUCATION, OutcomeArea.HEALTH);

    private static CaseRow row(@Nullable Instant assessedAt, @Nullable Instant closedAt) {
        return new CaseRow(
                ID,
                REQUEST,
                FamilyId.random(),
                "Family A",
                HUB,
                "family.worker",
                "Fran Lewis",
                NOW.minusWeeks(6).toInstant(),
                TODAY.minusWeeks(2),
                assessedAt,
                assessedAt == null ? null : TODAY.plusWeeks(2),
                closedAt,
                closedAt == null ? null : ClosureReason.NEEDS_MET,
                false,
                7);
    }

    private static CaseFile open() {
        return new CaseFile(row(null, null), NEEDS);
    }

    private static CaseFile assessed() {
        return new CaseFile(row(NOW.minusWeeks(4).toInstant(), null), NEEDS);
    }

    private static CaseRecord.Assessment entry(OutcomeArea area, String childSays) {
        return new CaseRecord.Assessment(area, " Warm home ", "Missed school", childSays, "Asleep", "Want help");
    }

    @Test
    void anAssessmentSetsTheFirstReviewAndSaysWhetherTheChildWasHeard() {
        CaseFile file = open();
        List<CaseRecord.Assessment> kept = file.assess(
                List.of(entry(OutcomeArea.EDUCATION, "I like art"), entry(OutcomeArea.HEALTH, "")),
                NOW.toInstant(),
                TODAY,
                6);

        assertThat(kept).extracting(CaseRecord.Assessment::strengths).containsOnly("Warm home");
        assertThat(kept).extracting(CaseRecord.Assessment::childSays).containsExactly("I like art", null);
        assertThat(file.progress().assessedAt()).isEqualTo(NOW.toInstant());
        assertThat(file.progress().nextReviewDue()).isEqualTo(TODAY.plusWeeks(6));
        assertThat(file.events())
                .containsExactly(new AssessmentCompleted(ID, HUB, NOW.toInstant(), true, TODAY.plusWeeks(6)));
    }

    @Test
    void aSecondAssessmentIsRefusedAndChangesNothing() {
        CaseFile file = assessed();
        CaseProgress before = file.progress();
        assertThatThrownBy(() -> file.assess(
                        List.of(entry(OutcomeArea.EDUCATION, "Hi"), entry(OutcomeArea.HEALTH, "Hi")),
                        NOW.toInstant(),
                        TODAY,
                        6))
                .isInstanceOf(ValidationException.class);
        assertThat(file.progress()).isEqualTo(before);
        assertThat(file.events()).isEmpty();
    }

    @Test
    void aReviewSetsTheNextOneFromTheDayItWasHeld() {
        CaseFile file = assessed();
        UUID outcome = UUID.randomUUID();
        List<CaseRecord.PlanOutcome> plan =
                List.of(new CaseRecord.PlanOutcome(outcome, OutcomeArea.EDUCATION, "At school", List.of(), null));
        LocalDate heldOn = TODAY.minusDays(2);

        LocalDate next = file.review(heldOn, TODAY, plan, Map.of(outcome, 6), "Going well", 3);

        assertThat(next).isEqualTo(heldOn.plusMonths(3));
        assertThat(file.progress().nextReviewDue()).isEqualTo(next);
        assertThat(file.events())
                .containsExactly(new ReviewHeld(
                        ID, HUB, heldOn.atStartOfDay(WorkingCalendar.LONDON).toInstant(), next));
    }

    @Test
    void aReviewBeforeTheAssessmentIsRefused() {
        CaseFile file = open();
        assertThatThrownBy(() -> file.review(TODAY, TODAY, List.of(), Map.of(), "Notes", 3))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsKey("heldOn"));
        assertThat(file.events()).isEmpty();
    }

    @Test
    void aContactCannotBeLoggedBeforeTheCaseStartedOrAfterToday() {
        CaseFile file = open();
        ContactDraft early = new ContactDraft(TODAY.minusWeeks(7), ContactKind.HOME_VISIT, 30, true, "", "Visit");
        ContactDraft future = new ContactDraft(TODAY.plusDays(1), ContactKind.HOME_VISIT, 30, true, "", "Visit");
        ContactDraft unseen = new ContactDraft(TODAY, ContactKind.HOME_VISIT, 30, false, "Said hi", "Visit");
        for (ContactDraft wrong : List.of(early, future, unseen)) {
            assertThatThrownBy(() -> file.logContact(UUID.randomUUID(), wrong, TODAY, 4000))
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(file.events()).isEmpty();

        UUID contact = UUID.randomUUID();
        file.logContact(
                contact, new ContactDraft(TODAY, ContactKind.HOME_VISIT, 30, true, "Fine", "Visit"), TODAY, 4000);
        assertThat(file.events())
                .containsExactly(new ContactLogged(
                        contact,
                        ID,
                        HUB,
                        TODAY.atTime(12, 0).atZone(WorkingCalendar.LONDON).toInstant(),
                        true));
        assertThat(file.progress())
                .as("a contact does not change the case itself")
                .isEqualTo(open().progress());
    }

    @Test
    void closingCountsTheNeedsAchievedAndSchedulesTheChecksAfter() {
        CaseFile file = assessed();
        Map<Integer, LocalDate> checks = file.close(
                ClosureReason.NEEDS_MET,
                Map.of(OutcomeArea.EDUCATION, NeedResult.ACHIEVED, OutcomeArea.HEALTH, NeedResult.PARTLY_ACHIEVED),
                "  Agreed  ",
                NOW.toInstant(),
                TODAY);

        assertThat(checks).containsOnlyKeys(6, 12).containsEntry(6, TODAY.plusMonths(6));
        CaseProgress p = file.progress();
        assertThat(p.closedAt()).isEqualTo(NOW.toInstant());
        assertThat(p.closeReason()).isEqualTo(ClosureReason.NEEDS_MET);
        assertThat(p.closeNote()).isEqualTo("Agreed");
        assertThat(p.nextReviewDue()).as("a closed case has no review due").isNull();
        assertThat(p.steppedUpAt()).isNull();
        assertThat(file.events())
                .containsExactly(new CaseClosed(ID, HUB, NOW.toInstant(), ClosureReason.NEEDS_MET, 2, 1));
    }

    @Test
    void closingWithoutAResultForEveryNeedIsRefusedAndLeavesTheCaseOpen() {
        CaseFile file = assessed();
        assertThatThrownBy(() -> file.close(
                        ClosureReason.NEEDS_MET,
                        Map.of(OutcomeArea.EDUCATION, NeedResult.ACHIEVED),
                        null,
                        NOW.toInstant(),
                        TODAY))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("results.HEALTH"));
        assertThat(file.progress().closedAt()).isNull();
        assertThat(file.events()).isEmpty();
    }

    @Test
    void steppingUpEndsTheCaseAndRegistersBothEvents() {
        CaseFile file = assessed();
        file.stepUp(" Harm now likely ", NOW.toInstant());

        CaseProgress p = file.progress();
        assertThat(p.steppedUpAt()).isEqualTo(NOW.toInstant());
        assertThat(p.closeReason()).isEqualTo(ClosureReason.STEPPED_UP);
        assertThat(p.closeNote()).isEqualTo("Harm now likely");
        assertThat(file.events())
                .containsExactly(
                        new SteppedUp(REQUEST, ID, HUB, NOW.toInstant()),
                        new CaseClosed(ID, HUB, NOW.toInstant(), ClosureReason.STEPPED_UP, 2, 0));
    }

    @Test
    void aClosedCaseTakesNoFurtherStep() {
        CaseFile file =
                new CaseFile(row(NOW.minusWeeks(4).toInstant(), NOW.minusDays(1).toInstant()), NEEDS);
        assertThatThrownBy(() -> file.stepUp("Harm", NOW.toInstant())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> file.close(ClosureReason.NEEDS_MET, Map.of(), null, NOW.toInstant(), TODAY))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("case"));
        assertThatThrownBy(() -> file.checkOutcome(OutcomeArea.HEALTH, "Better"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> file.logContact(
                        UUID.randomUUID(),
                        new ContactDraft(TODAY, ContactKind.HOME_VISIT, 30, true, "", "Visit"),
                        TODAY,
                        4000))
                .isInstanceOf(ValidationException.class);
        assertThat(file.events()).isEmpty();
    }

    @Test
    void aPlanNeedsAnAssessmentAndAnActionCannotFallDueBeforeTheCaseStarted() {
        assertThatThrownBy(() -> open().checkOutcome(OutcomeArea.HEALTH, "Better"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("outcome"));
        assessed().checkOutcome(OutcomeArea.HEALTH, "Better");
        assertThatThrownBy(() -> assessed().checkAction("Call school", "Fran", TODAY.minusWeeks(7)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("due"));
        assessed().checkAction("Call school", "Fran", TODAY.minusWeeks(6));
    }
}
