package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The request aggregate on its own: no Spring, no database. A decision's level must fit its
 * outcome, an allocation needs a request waiting for a lead and a lead with room, and each step
 * registers its events; a refused step registers nothing.
 */
class SupportRequestTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final HubId HUB = new HubId("dudley-central");
    private static final UUID FAMILY = UUID.randomUUID();

    private static SupportRequest request(RequestStatus status) {
        return new SupportRequest(new RequestSummary(
                UUID.randomUUID(),
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
        UUID caseId = UUID.randomUUID();
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
                        UUID.randomUUID(), team, Map.of("fran", 2), "fran", Set.of(), NOW, LocalDate.MAX))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("lead"));
        assertThat(waiting.status()).isEqualTo(RequestStatus.AWAITING_ALLOCATION);

        SupportRequest allocated = request(RequestStatus.ALLOCATED);
        assertThatThrownBy(() ->
                        allocated.allocate(UUID.randomUUID(), team, Map.of(), "fran", Set.of(), NOW, LocalDate.MAX))
                .isInstanceOf(ChangedBySomeoneElseException.class);
        assertThat(waiting.events()).isEmpty();
        assertThat(allocated.events()).isEmpty();
    }
}
