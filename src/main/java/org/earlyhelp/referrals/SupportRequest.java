package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A request for support as an aggregate, from its arrival through the hub's decision to its
 * allocation: each step checks its rule, moves the request on and registers the event it causes.
 * It knows nothing of Spring, the database or who is signed in: {@link RequestsForSupport} and
 * {@link HubQueue} check who may act, save the new status (with the version the lead saw), and
 * then publish {@link #events()}.
 */
final class SupportRequest {

    private final RequestId id;
    private final FamilyId family;
    private final String familyLabel;
    private final HubId hub;
    private final List<Object> events = new ArrayList<>();
    private RequestStatus status;

    /** A request as stored. */
    SupportRequest(RequestSummary stored) {
        this(stored.id(), stored.family(), stored.familyLabel(), stored.hub(), stored.status());
    }

    private SupportRequest(RequestId id, FamilyId family, String familyLabel, HubId hub, RequestStatus status) {
        this.id = id;
        this.family = family;
        this.familyLabel = familyLabel;
        this.hub = hub;
        this.status = status;
    }

    /**
     * A request as it arrives, waiting for its hub's decision by {@code decisionDue}: registers
     * {@link RequestSubmitted}. A step-down from children's social care and a safeguarding concern
     * arrive the same way and are then decided at once ({@link #decide}).
     */
    static SupportRequest arrive(
            RequestId id,
            FamilyId family,
            String familyLabel,
            HubId hub,
            @Nullable String area,
            Instant at,
            Instant decisionDue,
            boolean reReferral,
            boolean stepDown) {
        if (decisionDue.isBefore(at)) {
            throw new IllegalArgumentException("A request cannot be due for decision before it arrives");
        }
        SupportRequest request = new SupportRequest(id, family, familyLabel, hub, RequestStatus.AWAITING_DECISION);
        request.events.add(
                new RequestSubmitted(id, family, familyLabel, hub, area, at, decisionDue, reReferral, stepDown));
        return request;
    }

    RequestId id() {
        return id;
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
            fit(level, outcome, problems);
        }
        return problems;
    }

    /** Whether the level fits the outcome, and if not, what is wrong. */
    private static void fit(NeedLevel level, DecisionOutcome outcome, Map<String, Message> problems) {
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

    /**
     * Decides the request: early help waits for a lead, a step-up leaves the hub, anything else is
     * decided. Returns the status the request moves to.
     */
    RequestStatus decide(
            @Nullable NeedLevel level, @Nullable DecisionOutcome outcome, @Nullable String reasons, Instant now) {
        requireAwaitingDecision();
        Map<String, Message> problems = decisionProblems(level, outcome, reasons);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return decided(requireNonNull(level), requireNonNull(outcome), now);
    }

    /**
     * Decides a request as it arrives, with reasons the system writes itself: a step-down from
     * children's social care (level 3, early help) or a safeguarding concern (level 4, step-up).
     */
    RequestStatus decideOnArrival(NeedLevel level, DecisionOutcome outcome, Instant now) {
        requireAwaitingDecision();
        Map<String, Message> problems = new LinkedHashMap<>();
        fit(level, outcome, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Level " + level.number() + " does not fit " + outcome);
        }
        return decided(level, outcome, now);
    }

    private void requireAwaitingDecision() {
        if (status != RequestStatus.AWAITING_DECISION) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.request"));
        }
    }

    private RequestStatus decided(NeedLevel level, DecisionOutcome outcome, Instant now) {
        status = switch (outcome) {
            case EARLY_HELP -> RequestStatus.AWAITING_ALLOCATION;
            case STEP_UP -> RequestStatus.STEPPED_UP;
            default -> RequestStatus.DECIDED;
        };
        events.add(new RequestDecided(id, hub, now, level, outcome));
        if (outcome == DecisionOutcome.STEP_UP) {
            events.add(new SteppedUp(id, null, hub, now));
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
            CaseId caseId,
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
                caseId, id, family, familyLabel, hub, chosen.displayName(), now, assessmentDue, chosen.username()));
        return List.copyOf(around);
    }

    private static HubMember member(List<HubMember> members, String username) {
        return members.stream()
                .filter(m -> m.username().equals(username))
                .findFirst()
                .orElseThrow();
    }
}
