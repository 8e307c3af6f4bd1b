package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** The journey's rules on their own: no Spring, no database, only the facts each rule needs. */
class JourneyRulesTests {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, WorkingCalendar.LONDON);
    private static final LocalDate TODAY = NOW.toLocalDate();

    @Test
    void aRequestWithinTwelveMonthsOfTheLastClosureIsAReReferral() {
        Instant now = NOW.toInstant();
        assertThat(JourneyRules.isReReferral(Optional.empty(), now, 12)).isFalse();
        assertThat(JourneyRules.isReReferral(
                        Optional.of(NOW.minusMonths(12).plusMinutes(1).toInstant()), now, 12))
                .isTrue();
        assertThat(JourneyRules.isReReferral(Optional.of(NOW.minusMonths(12).toInstant()), now, 12))
                .as("exactly twelve months before is not within them")
                .isFalse();
        assertThat(JourneyRules.isReReferral(Optional.of(NOW.minusMonths(3).toInstant()), now, 2))
                .isFalse();
    }

    private static CaseRecord.Assessment entry(OutcomeArea area, String childSays, String notSeen) {
        return new CaseRecord.Assessment(area, "Warm home", "Missed school", childSays, notSeen, "Want help");
    }

    @Test
    void anAssessmentCoversEveryNeedAndHearsTheChildOrSaysWhyNot() {
        Set<OutcomeArea> needs = Set.of(OutcomeArea.EDUCATION, OutcomeArea.HEALTH);
        assertThat(JourneyRules.assessmentProblems(
                        false,
                        needs,
                        List.of(
                                entry(OutcomeArea.EDUCATION, "I like art", ""),
                                entry(OutcomeArea.HEALTH, "", "Asleep"))))
                .isEmpty();
        assertThat(JourneyRules.assessmentProblems(false, needs, List.of(entry(OutcomeArea.EDUCATION, "Fine", ""))))
                .containsOnlyKeys("HEALTH");
        assertThat(JourneyRules.assessmentProblems(
                                false, Set.of(OutcomeArea.HEALTH), List.of(entry(OutcomeArea.HEALTH, " ", "")))
                        .get("HEALTH")
                        .key())
                .isEqualTo("referrals.problem.field.record-what-child-says-why");
        assertThat(JourneyRules.assessmentProblems(
                        true, Set.of(OutcomeArea.HEALTH), List.of(entry(OutcomeArea.HEALTH, "Fine", ""))))
                .containsOnlyKeys("assessment");
    }

    @Test
    void aReviewFollowsTheAssessmentAndScoresEveryOutcome() {
        Instant assessed = NOW.minusMonths(1).toInstant();
        UUID outcome = UUID.randomUUID();
        List<CaseRecord.PlanOutcome> plan =
                List.of(new CaseRecord.PlanOutcome(outcome, OutcomeArea.HEALTH, "Sees the GP", List.of(), null));
        assertThat(JourneyRules.reviewProblems(assessed, TODAY, TODAY, plan, Map.of(outcome, 7), "Going well"))
                .isEmpty();
        assertThat(JourneyRules.reviewProblems(null, TODAY, TODAY, plan, Map.of(outcome, 7), "Going well"))
                .containsOnlyKeys("heldOn");
        assertThat(JourneyRules.reviewProblems(
                                assessed, TODAY.plusDays(1), TODAY, plan, Map.of(outcome, 7), "Going well")
                        .get("heldOn")
                        .key())
                .isEqualTo("referrals.problem.heldon.review-cannot-recorded-before-happens");
        assertThat(JourneyRules.reviewProblems(
                                assessed, TODAY.minusMonths(2), TODAY, plan, Map.of(outcome, 7), "Going well")
                        .get("heldOn")
                        .key())
                .isEqualTo("referrals.problem.heldon.review-cannot-before-assessment");
        assertThat(JourneyRules.reviewProblems(assessed, TODAY, TODAY, plan, Map.of(outcome, 11), "Going well"))
                .containsOnlyKeys("scores." + outcome);
        assertThat(JourneyRules.reviewProblems(assessed, TODAY, TODAY, plan, Map.of(outcome, 0), "Going well"))
                .containsOnlyKeys("scores." + outcome);
        assertThat(JourneyRules.reviewProblems(assessed, TODAY, TODAY, List.of(), Map.of(), " "))
                .containsOnlyKeys("scores", "notes");
    }

    @Test
    void aClosureGivesAReasonOtherThanAStepUpAndAResultForEveryNeed() {
        Set<OutcomeArea> needs = Set.of(OutcomeArea.HOUSING, OutcomeArea.HEALTH);
        Map<OutcomeArea, NeedResult> both =
                Map.of(OutcomeArea.HOUSING, NeedResult.ACHIEVED, OutcomeArea.HEALTH, NeedResult.NOT_ACHIEVED);
        assertThat(JourneyRules.closureProblems(ClosureReason.NEEDS_MET, needs, both, null))
                .isEmpty();
        assertThat(JourneyRules.closureProblems(ClosureReason.STEPPED_UP, needs, both, null))
                .containsOnlyKeys("reason");
        assertThat(JourneyRules.closureProblems(null, needs, both, null)).containsOnlyKeys("reason");
        assertThat(JourneyRules.closureProblems(
                        ClosureReason.MOVED_AWAY, needs, Map.of(OutcomeArea.HOUSING, NeedResult.ACHIEVED), null))
                .containsOnlyKeys("results.HEALTH");
        assertThat(JourneyRules.closureProblems(ClosureReason.DISENGAGED, needs, both, "x".repeat(4001)))
                .containsOnlyKeys("note");
    }

    @Test
    void theChecksAfterClosingFallSixAndTwelveMonthsOn() {
        assertThat(JourneyRules.followUpsAfterClosing(LocalDate.of(2026, 8, 31)))
                .containsExactly(Map.entry(6, LocalDate.of(2027, 2, 28)), Map.entry(12, LocalDate.of(2027, 8, 31)));
    }

    private static HubMember member(String username, int capacity) {
        return new HubMember(
                new HubId("dudley-central"),
                username,
                "Name of " + username,
                new OrganisationId("dudley-council"),
                "Dudley Council",
                capacity,
                false,
                false,
                0);
    }

    @Test
    void aLeadNeedsRoomInTheirCaseloadAndTheTeamAroundTheFamilyComesFromTheHub() {
        List<HubMember> team = List.of(member("fran", 3), member("dan", 0), member("sam", 1));
        Map<String, Integer> loads = Map.of("fran", 2, "sam", 1);

        assertThat(JourneyRules.allocationProblems(team, loads, "fran", Set.of("dan")))
                .isEmpty();
        assertThat(JourneyRules.allocationProblems(team, Map.of("fran", 3), "fran", Set.of()))
                .as("a caseload at capacity has no room")
                .containsOnlyKeys("lead")
                .extractingByKey("lead")
                .satisfies(m -> assertThat(m.args()).containsExactly("Name of fran", 3, 3));
        assertThat(JourneyRules.allocationProblems(team, loads, "sam", Set.of()))
                .as("one case led, capacity one")
                .containsOnlyKeys("lead");
        assertThat(JourneyRules.allocationProblems(team, loads, "dan", Set.of()))
                .as("no capacity at all: a member, but not a lead practitioner")
                .containsOnlyKeys("lead");
        assertThat(JourneyRules.allocationProblems(team, loads, "someone.else", Set.of()))
                .containsOnlyKeys("lead");
        assertThat(JourneyRules.allocationProblems(team, loads, null, Set.of())).containsOnlyKeys("lead");
        assertThat(JourneyRules.allocationProblems(team, loads, "fran", Set.of("dan", "not.in.hub")))
                .containsOnlyKeys("team");

        assertThat(JourneyRules.candidates(team, loads))
                .as("only members with capacity, with their caseloads")
                .containsExactly(
                        new Candidate("fran", "Name of fran", "Dudley Council", 2, 3),
                        new Candidate("sam", "Name of sam", "Dudley Council", 1, 1));
    }
}
