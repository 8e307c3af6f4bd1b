package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A request for support as an aggregate, from the hub's decision to its allocation: each step
 * checks its rule, moves the request on and registers the event it causes. It knows nothing of
 * Spring, the database or who is signed in: {@link HubQueue} checks who may act, saves the new
 * status with the version the lead saw, and then publishes {@link #events()}.
 */
final class SupportRequest {

    private final RequestSummary stored;
    private final List<Object> events = new ArrayList<>();
    private RequestStatus status;

    SupportRequest(RequestSummary stored) {
        this.stored = stored;
        this.status = stored.status();
    }

    UUID id() {
        return stored.id();
    }

    RequestStatus status() {
        return status;
    }

    /** The events the steps so far caused, in order, to be published once the request is saved. */
    List<Object> events() {
        return List.copyOf(events);
    }

    /**
     * What is wrong with a decision: a level, an outcome and a sentence of reasons, and a level
     * that fits the outcome (early help at level 2 or 3; a step-up, and only a step-up, at 4).
     */
    static Map<String, Message> decisionProblems(
            @Nullable NeedLevel level, @Nullable DecisionOutcome outcome, @Nullable String reasons) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (level == null) {
            problems.put("level", new Message("referrals.problem.level.choose-level-continuum-need"));
        }
        if (outcome == null) {
            problems.put("outcome", new Message("referrals.problem.outcome.choose-what-happens-next"));
        }
        if (reasons == null || reasons.strip().length() < 10 || reasons.length() > RequestsForSupport.MAX_TEXT) {
            problems.put("reasons", new Message("referrals.problem.reasons.give-reasons-decision-least-sentence"));
        }
        if (level != null && outcome != null) {
            if (outcome == DecisionOutcome.STEP_UP && level != NeedLevel.SPECIALIST) {
                problems.put("level", new Message("referrals.problem.level.step-up-social-care-level"));
            } else if (outcome == DecisionOutcome.EARLY_HELP
                    && level != NeedLevel.SINGLE_AGENCY
                    && level != NeedLevel.TARGETED) {
                problems.put("level", new Message("referrals.problem.level.early-help-hub-level-2"));
            } else if (level == NeedLevel.SPECIALIST && outcome != DecisionOutcome.STEP_UP) {
                problems.put("outcome", new Message("referrals.problem.outcome.level-4-family-needs-children"));
            }
        }
        return problems;
    }

    /**
     * Decides the request: early help waits for a lead, a step-up leaves the hub, anything else is
     * decided. Returns the status the request moves to.
     */
    RequestStatus decide(
            @Nullable NeedLevel level, @Nullable DecisionOutcome outcome, @Nullable String reasons, Instant now) {
        Map<String, Message> problems = decisionProblems(level, outcome, reasons);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        status = switch (requireNonNull(outcome)) {
            case EARLY_HELP -> RequestStatus.AWAITING_ALLOCATION;
            case STEP_UP -> RequestStatus.STEPPED_UP;
            default -> RequestStatus.DECIDED;
        };
        events.add(new RequestDecided(stored.id(), stored.hub(), now, requireNonNull(level), outcome));
        if (outcome == DecisionOutcome.STEP_UP) {
            events.add(new SteppedUp(stored.id(), null, stored.hub(), now));
        }
        return status;
    }

    /**
     * Allocates the request to a lead with room in their caseload and a team from the hub. Returns
     * the lead, then the rest of the team around the family.
     *
     * @throws ChangedBySomeoneElseException when the request no longer waits for a lead
     */
    List<HubMember> allocate(
            UUID caseId,
            List<HubMember> members,
            Map<String, Integer> caseloads,
            @Nullable String lead,
            Set<String> team,
            Instant now,
            LocalDate assessmentDue) {
        if (status != RequestStatus.AWAITING_ALLOCATION) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.request"));
        }
        Map<String, Message> problems = JourneyRules.allocationProblems(members, caseloads, lead, team);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        HubMember chosen = member(members, requireNonNull(lead));
        List<HubMember> around = new ArrayList<>();
        around.add(chosen);
        team.stream().filter(t -> !t.equals(lead)).forEach(t -> around.add(member(members, t)));
        status = RequestStatus.ALLOCATED;
        events.add(new CaseAllocated(
                caseId,
                stored.id(),
                stored.family(),
                stored.familyLabel(),
                stored.hub(),
                chosen.displayName(),
                now,
                assessmentDue,
                chosen.username()));
        return List.copyOf(around);
    }

    private static HubMember member(List<HubMember> members, String username) {
        return members.stream()
                .filter(m -> m.username().equals(username))
                .findFirst()
                .orElseThrow();
    }
}
