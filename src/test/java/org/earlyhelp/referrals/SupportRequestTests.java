package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The request aggregate on its own: no Spring, no database. A request arrives waiting for its
 * hub's decision (a step-down and a safeguarding concern are decided as they arrive); a decision's
 * level must fit its outcome and is taken once; an allocation needs a request waiting for a lead
 * and a lead with room; each step registers its events, and a refused step registers nothing.
 */
class SupportRequestTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final HubId HUB = new HubId("dudley-central");
    private static final FamilyId FAMILY = FamilyId.random();

    private static SupportRequest request(RequestStatus status) {
        return new SupportRequest(new RequestSummary(
                RequestId.random(),
                FAMILY,
                "Family B",
                HUB,
                "Dudley Central",
                "Tess Teacher",
                null,
                NOW.minusSeconds(3600),
                NOW.plusSeconds(86_400),
                status,
                null,
                null,
                null,
                null,
                null,
                List.of(OutcomeArea.EDUCATION),
                false,
                false,
                false,
                3,
                null));
    }

    private static HubMember member(String username, int capacity) {
        return new HubMember(
                HUB, username, username + " Name", new OrganisationId("org"), "Org", capacity, false, false, 0);
    }

    @Test
    void earlyHelpWaitsForALeadAndRegistersTheDecision() {
        SupportRequest r = request(RequestStatus.AWAITING_DECISION);
        assertThat(r.decide(NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP, "Several needs, one plan.", NOW))
                .isEqualTo(RequestStatus.AWAITING_ALLOCATION);
        assertThat(r.events())
                .containsExactly(new RequestDecided(r.id(), HUB, NOW, NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP));
    }

    @Test
    void aStepUpLeavesTheHubAndRegistersBothEvents() {
        SupportRequest r = request(RequestStatus.AWAITING_DECISION);
        assertThat(r.decide(NeedLevel.SPECIALIST, DecisionOutcome.STEP_UP, "Harm is likely now.", NOW))
                .isEqualTo(RequestStatus.STEPPED_UP);
        assertThat(r.events())
                .containsExactly(
                        new RequestDecided(r.id(), HUB, NOW, NeedLevel.SPECIALIST, DecisionOutcome.STEP_UP),
                        new SteppedUp(r.id(), null, HUB, NOW));
    }

    @Test
    void aLevelThatDoesNotFitTheOutcomeIsRefusedAndRegistersNothing() {
        assertThat(SupportRequest.decisionProblems(NeedLevel.TARGETED, DecisionOutcome.STEP_UP, "Reasons given."))
                .containsOnlyKeys("level");
        assertThat(SupportRequest.decisionProblems(NeedLevel.UNIVERSAL, DecisionOutcome.EARLY_HELP, "Reasons given."))
                .containsOnlyKeys("level");
        assertThat(SupportRequest.decisionProblems(NeedLevel.SPECIALIST, DecisionOutcome.ADVICE, "Reasons given."))
                .containsOnlyKeys("outcome");
        assertThat(SupportRequest.decisionProblems(null, null, "short"))
                .containsOnlyKeys("level", "outcome", "reasons");
        assertThat(SupportRequest.decisionProblems(
                        NeedLevel.SINGLE_AGENCY, DecisionOutcome.EARLY_HELP, "One need, one agency."))
                .isEmpty();

        SupportRequest r = request(RequestStatus.AWAITING_DECISION);
        assertThatThrownBy(() -> r.decide(NeedLevel.TARGETED, DecisionOutcome.STEP_UP, "Reasons given.", NOW))
                .isInstanceOf(ValidationException.class);
        assertThat(r.status()).isEqualTo(RequestStatus.AWAITING_DECISION);
        assertThat(r.events()).isEmpty();
    }

    @Test
    void anAllocationNamesTheLeadFirstAndRegistersTheCase() {
        SupportRequest r = request(RequestStatus.AWAITING_ALLOCATION);
        CaseId caseId = CaseId.random();
        LocalDate due = LocalDate.of(2026, 12, 31);
        List<HubMember> team = List.of(member("fran", 15), member("cal", 10), member("sam", 10));

        List<HubMember> around = r.allocate(caseId, team, Map.of("fran", 3), "fran", Set.of("fran", "cal"), NOW, due);

        assertThat(around).extracting(HubMember::username).containsExactly("fran", "cal");
        assertThat(r.status()).isEqualTo(RequestStatus.ALLOCATED);
        assertThat(r.events())
                .containsExactly(
                        new CaseAllocated(caseId, r.id(), FAMILY, "Family B", HUB, "fran Name", NOW, due, "fran"));
    }

    @Test
    void aLeadAtCapacityOrARequestNotWaitingIsRefusedAndRegistersNothing() {
        List<HubMember> team = List.of(member("fran", 2));
        SupportRequest waiting = request(RequestStatus.AWAITING_ALLOCATION);
        assertThatThrownBy(() -> waiting.allocate(
                        CaseId.random(), team, Map.of("fran", 2), "fran", Set.of(), NOW, LocalDate.MAX))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("lead"));
        assertThat(waiting.status()).isEqualTo(RequestStatus.AWAITING_ALLOCATION);

        SupportRequest allocated = request(RequestStatus.ALLOCATED);
        assertThatThrownBy(
                        () -> allocated.allocate(CaseId.random(), team, Map.of(), "fran", Set.of(), NOW, LocalDate.MAX))
                .isInstanceOf(ChangedBySomeoneElseException.class);
        assertThat(waiting.events()).isEmpty();
        assertThat(allocated.events()).isEmpty();
    }

    @Test
    void aRequestArrivesWaitingForItsHubAndRegistersItsSubmission() {
        RequestId id = RequestId.random();
        Instant due = NOW.plusSeconds(86_400);
        SupportRequest r = SupportRequest.arrive(id, FAMILY, "Family B", HUB, "E01009400", NOW, due, true, false);

        assertThat(r.status()).isEqualTo(RequestStatus.AWAITING_DECISION);
        assertThat(r.events())
                .containsExactly(new RequestSubmitted(id, FAMILY, "Family B", HUB, "E01009400", NOW, due, true, false));
        assertThatThrownBy(() -> SupportRequest.arrive(
                        id, FAMILY, "Family B", HUB, null, NOW, NOW.minusSeconds(1), false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepDownAndASafeguardingConcernAreDecidedAsTheyArrive() {
        SupportRequest stepDown =
                SupportRequest.arrive(RequestId.random(), FAMILY, "Family B", HUB, null, NOW, NOW, false, true);
        assertThat(stepDown.decideOnArrival(NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP, NOW))
                .isEqualTo(RequestStatus.AWAITING_ALLOCATION);
        assertThat(stepDown.events())
                .containsExactly(
                        new RequestSubmitted(stepDown.id(), FAMILY, "Family B", HUB, null, NOW, NOW, false, true),
                        new RequestDecided(stepDown.id(), HUB, NOW, NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP));

        SupportRequest concern =
                SupportRequest.arrive(RequestId.random(), FAMILY, "Family B", HUB, null, NOW, NOW, false, false);
        assertThat(concern.decideOnArrival(NeedLevel.SPECIALIST, DecisionOutcome.STEP_UP, NOW))
                .isEqualTo(RequestStatus.STEPPED_UP);
        assertThat(concern.events())
                .containsExactly(
                        new RequestSubmitted(concern.id(), FAMILY, "Family B", HUB, null, NOW, NOW, false, false),
                        new RequestDecided(concern.id(), HUB, NOW, NeedLevel.SPECIALIST, DecisionOutcome.STEP_UP),
                        new SteppedUp(concern.id(), null, HUB, NOW));

        SupportRequest misfit =
                SupportRequest.arrive(RequestId.random(), FAMILY, "Family B", HUB, null, NOW, NOW, false, true);
        assertThatThrownBy(() -> misfit.decideOnArrival(NeedLevel.SPECIALIST, DecisionOutcome.EARLY_HELP, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(misfit.status()).isEqualTo(RequestStatus.AWAITING_DECISION);
    }

    @Test
    void aRequestIsDecidedOnceAndASecondDecisionRegistersNothing() {
        SupportRequest r = request(RequestStatus.AWAITING_DECISION);
        r.decide(NeedLevel.SINGLE_AGENCY, DecisionOutcome.ADVICE, "Advice from the school.", NOW);
        assertThatThrownBy(
                        () -> r.decide(NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP, "Several needs, one plan.", NOW))
                .isInstanceOf(ChangedBySomeoneElseException.class);
        assertThat(r.status()).isEqualTo(RequestStatus.DECIDED);
        assertThat(r.events()).hasSize(1);
    }
}
