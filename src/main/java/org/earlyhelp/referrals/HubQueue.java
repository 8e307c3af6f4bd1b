package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.CaseRepository;
import org.earlyhelp.referrals.internal.ConcernCheckRepository;
import org.earlyhelp.referrals.internal.FamilyChangeRepository;
import org.earlyhelp.referrals.internal.FamilyRepository;
import org.earlyhelp.referrals.internal.RequestRepository;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Paging;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hub lead's queue: requests to decide within a working day, and decided ones waiting for a
 * lead practitioner. Only the lead of the request's hub may act on it.
 */
@Service
public class HubQueue {

    /**
     * The most requests one call returns (the page of a grid is 50, and Vaadin itself never asks
     * for more than 500 at once).
     */
    public static final int MOST_PER_PAGE = 500;

    private final RequestRepository requestRows;
    private final FamilyRepository families;
    private final CaseRepository cases;
    private final ConcernCheckRepository checks;
    private final FamilyChangeRepository changes;
    private final Access access;
    private final HubTeams teams;
    private final WorkingCalendar calendar;
    private final ReferralsProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final RequestsForSupport requests;
    private final Clock clock;

    HubQueue(
            RequestRepository requestRows,
            FamilyRepository families,
            CaseRepository cases,
            ConcernCheckRepository checks,
            FamilyChangeRepository changes,
            Access access,
            HubTeams teams,
            WorkingCalendar calendar,
            ReferralsProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit,
            RequestsForSupport requests,
            Clock clock) {
        this.requestRows = requestRows;
        this.families = families;
        this.cases = cases;
        this.checks = checks;
        this.changes = changes;
        this.access = access;
        this.teams = teams;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.requests = requests;
        this.clock = clock;
    }

    /** Requests waiting for the hub's decision, the most urgent first (the first 500). */
    @Transactional(readOnly = true)
    public List<RequestSummary> awaitingDecision(HubId hub) {
        return awaitingDecision(hub, 0, MOST_PER_PAGE);
    }

    /**
     * A page of the requests waiting for the hub's decision, the most urgent first: {@code limit}
     * of them (1 to {@link #MOST_PER_PAGE}) after skipping {@code offset}.
     *
     * @throws IllegalArgumentException for a larger page or a negative offset ({@link Paging})
     */
    @Transactional(readOnly = true)
    public List<RequestSummary> awaitingDecision(HubId hub, int offset, int limit) {
        access.hubLead(hub);
        Paging.require(limit, offset, MOST_PER_PAGE);
        return requests.named(requestRows.inStatus(hub, RequestStatus.AWAITING_DECISION, offset, limit));
    }

    /** How many requests wait for the hub's decision. */
    @Transactional(readOnly = true)
    public int countAwaitingDecision(HubId hub) {
        access.hubLead(hub);
        return requestRows.countInStatus(hub, RequestStatus.AWAITING_DECISION);
    }

    /** Requests decided as early help in the hub and waiting for a lead practitioner, oldest first (the first 500). */
    @Transactional(readOnly = true)
    public List<RequestSummary> awaitingAllocation(HubId hub) {
        return awaitingAllocation(hub, 0, MOST_PER_PAGE);
    }

    /**
     * A page of the requests waiting for a lead practitioner in the hub, the earliest decided first:
     * {@code limit} of them (1 to {@link #MOST_PER_PAGE}) after skipping {@code offset}.
     *
     * @throws IllegalArgumentException for a larger page or a negative offset ({@link Paging})
     */
    @Transactional(readOnly = true)
    public List<RequestSummary> awaitingAllocation(HubId hub, int offset, int limit) {
        access.hubLead(hub);
        Paging.require(limit, offset, MOST_PER_PAGE);
        return requests.named(requestRows.inStatus(hub, RequestStatus.AWAITING_ALLOCATION, offset, limit));
    }

    /** How many requests wait for a lead practitioner in the hub. */
    @Transactional(readOnly = true)
    public int countAwaitingAllocation(HubId hub) {
        access.hubLead(hub);
        return requestRows.countInStatus(hub, RequestStatus.AWAITING_ALLOCATION);
    }

    /** Working days left to decide (0: due today; negative: overdue by that many). */
    public int workingDaysLeft(RequestSummary request) {
        LocalDate today = WorkingCalendar.today(clock);
        LocalDate due = request.decisionDue().atZone(WorkingCalendar.LONDON).toLocalDate();
        return calendar.workingDaysBetween(today, due);
    }

    /** What the referrer described, for deciding: the needs, what was tried and who is involved. */
    public record RequestDetail(
            RequestSummary summary,
            Map<OutcomeArea, String> needs,
            List<FamilyRecord.Member> members,
            String tried,
            String involved,
            boolean linkPending) {}

    /** The request's detail for its hub's lead; audited as a read of the family's record. */
    @Transactional
    public RequestDetail detail(RequestId request) {
        // The role first: nobody learns whether a request exists before being allowed to ask.
        access.hubLead();
        RequestSummary summary = requestRows.request(request).orElseThrow(() -> access.unknown("request", request));
        access.hubLead(summary.hub());
        audit.record(
                AuditAction.VIEW, "request", request.toString(), summary.hub(), null, "family " + summary.family());
        String[] text = requestRows.triedAndInvolved(request);
        return new RequestDetail(
                requests.named(summary),
                requestRows.needs(request),
                families.members(summary.family()),
                text[0],
                text[1],
                changes.linkPending(request));
    }

    /**
     * Decides a request: a level on the continuum of need, an outcome, and the reasons. A step-up
     * to children's social care then waits for a lead of the hub to check with the front door that
     * it has it ({@link ConcernChecks}); {@code frontDoorContacted} says whether the hub lead has
     * already contacted the front door (when not, the borough's duty address is mailed too).
     *
     * @throws ValidationException when a field is missing or the level does not fit the outcome
     * @throws ChangedBySomeoneElseException when someone decided it meanwhile
     */
    @Transactional
    public void decide(
            RequestId request,
            int version,
            @Nullable NeedLevel level,
            @Nullable DecisionOutcome outcome,
            String reasons,
            boolean frontDoorContacted) {
        access.hubLead();
        RequestSummary summary = requestRows.request(request).orElseThrow(() -> access.unknown("request", request));
        CurrentUser user = access.hubLead(summary.hub());
        SupportRequest aggregate = new SupportRequest(summary);
        Instant now = clock.instant();
        RequestStatus next = aggregate.decide(level, outcome, reasons, now);
        if (!requestRows.decide(request, version, next, level, outcome, reasons.strip(), user.displayName(), now)) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.request"));
        }
        if (next == RequestStatus.STEPPED_UP) {
            checks.insertStepUp(request, null, user.displayName(), frontDoorContacted, now);
        }
        audit.record(
                AuditAction.DECIDE,
                "request",
                request.toString(),
                summary.hub(),
                null,
                requireNonNull(level).number() + " " + outcome);
        aggregate.events().forEach(events::publishEvent);
    }

    /** Who could lead a family's early help in the hub: its team members with capacity, and their caseloads. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(HubId hub) {
        access.hubLead(hub);
        return JourneyRules.candidates(teams.team(hub), cases.caseloads(hub));
    }

    /** Everyone in the hub's team, for choosing the team around the family. */
    @Transactional(readOnly = true)
    public List<HubMember> teamOf(HubId hub) {
        access.hubLead(hub);
        return teams.team(hub);
    }

    /**
     * Allocates a lead practitioner (a member of the hub's team with room in their caseload) and
     * the team around the family.
     *
     * @return the new case
     */
    @Transactional
    public CaseId allocate(RequestId request, int version, @Nullable String lead, Set<String> team) {
        access.hubLead();
        RequestSummary summary = requestRows.request(request).orElseThrow(() -> access.unknown("request", request));
        CurrentUser user = access.hubLead(summary.hub());
        SupportRequest aggregate = new SupportRequest(summary);
        Instant now = clock.instant();
        LocalDate due =
                calendar.plusWorkingDays(now.atZone(WorkingCalendar.LONDON).toLocalDate(), properties.assessmentDays());
        CaseId caseId = CaseId.random();
        List<HubMember> around = aggregate.allocate(
                caseId, teams.team(summary.hub()), cases.caseloads(summary.hub()), lead, team, now, due);
        if (!requestRows.setRequestStatus(request, version, RequestStatus.AWAITING_ALLOCATION, aggregate.status())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.request"));
        }
        HubMember chosen = around.getFirst();
        cases.insertCase(
                caseId,
                request,
                summary.family(),
                summary.hub(),
                chosen.username(),
                chosen.displayName(),
                chosen.organisationName(),
                now,
                user.displayName(),
                due);
        around.stream()
                .skip(1)
                .forEach(m -> cases.insertCaseMember(caseId, m.username(), m.displayName(), m.organisationName()));
        audit.record(
                AuditAction.ALLOCATE,
                "case",
                caseId.toString(),
                summary.hub(),
                null,
                "lead " + chosen.username() + ", team " + team);
        aggregate.events().forEach(events::publishEvent);
        return caseId;
    }
}
