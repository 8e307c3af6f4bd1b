package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.CaseRepository;
import org.earlyhelp.referrals.internal.CaseRow;
import org.earlyhelp.referrals.internal.CaseWorkRepository;
import org.earlyhelp.referrals.internal.ConcernCheckRepository;
import org.earlyhelp.referrals.internal.FamilyRepository;
import org.earlyhelp.referrals.internal.FamilyRow;
import org.earlyhelp.referrals.internal.RequestRepository;
import org.earlyhelp.referrals.internal.WorkLists;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work with a family once it has a lead practitioner: assessment, plan, reviews, the work log,
 * step-up and closure with outcomes, and the follow-up checks. Every read of a case is audited.
 */
@Service
public class Cases {

    /** The most contacts a case record holds, the newest; all of them are in the family's timeline. */
    public static final int CONTACTS_SHOWN = 200;

    /** The most cases and checks the drift and follow-up lists hold. */
    public static final int MOST_LISTED = 500;

    private final CaseRepository cases;
    private final RequestRepository requests;
    private final CaseWorkRepository work;
    private final ConcernCheckRepository checks;
    private final FamilyRepository families;
    private final WorkLists workLists;
    private final Access access;
    private final HubTeams teams;
    private final ReferralsProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    Cases(
            CaseRepository cases,
            RequestRepository requests,
            CaseWorkRepository work,
            ConcernCheckRepository checks,
            FamilyRepository families,
            WorkLists workLists,
            Access access,
            HubTeams teams,
            ReferralsProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.cases = cases;
        this.requests = requests;
        this.work = work;
        this.checks = checks;
        this.families = families;
        this.workLists = workLists;
        this.access = access;
        this.teams = teams;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The whole case, for its lead, its team and its hub's lead. Audited. */
    @Transactional
    public CaseRecord caseRecord(CaseId id) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        Optional<Instant> grant = access.readCase(user, c, familyOf(c));
        return new CaseRecord(
                c.id(),
                c.request(),
                c.family(),
                c.familyLabel(),
                c.hub(),
                c.lead(),
                c.leadName(),
                c.allocatedAt(),
                c.assessmentDue(),
                c.assessedAt(),
                c.nextReviewDue(),
                c.closedAt(),
                c.closeReason(),
                c.restricted(),
                cases.team(id),
                requests.needs(c.request()),
                work.assessment(id),
                work.plan(id),
                work.reviews(id),
                Listing.of(work.contacts(id, CONTACTS_SHOWN + 1), CONTACTS_SHOWN),
                cases.closure(id),
                cases.followUps(id),
                families.members(c.family()).stream()
                        .filter(m -> m.relationship().isChild())
                        .toList(),
                c.version(),
                grant.orElse(null));
    }

    /**
     * Completes the early help assessment: one entry per need, each with strengths, worries, what
     * the parents say, and what the child says or why the child was not seen.
     */
    @Transactional
    public void assess(CaseId id, int version, List<CaseRecord.Assessment> entries) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        CaseFile file = file(c);
        List<CaseRecord.Assessment> kept = file.assess(entries, clock.instant(), today(), properties.firstReview());
        save(file, version);
        kept.forEach(e -> work.insertAssessment(id, e));
        audit.record(AuditAction.ASSESS, "case", id.toString(), c.hub(), null, entries.size() + " needs");
        publish(file);
    }

    /** Adds (or rewords) the outcome the plan works towards for one need. */
    @Transactional
    public UUID addOutcome(CaseId id, int version, @Nullable OutcomeArea area, String outcome) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        file(c).checkOutcome(area, outcome);
        touch(c, version);
        UUID outcomeId = work.upsertOutcome(id, area, outcome.strip(), clock.instant(), user.displayName());
        audit.record(
                AuditAction.PLAN_OUTCOME,
                "case",
                id.toString(),
                c.hub(),
                null,
                requireNonNull(area).name());
        return outcomeId;
    }

    /** Adds an action to an outcome in the plan: what, who, by when. */
    @Transactional
    public void addAction(UUID outcome, String action, String owner, @Nullable LocalDate due) {
        CurrentUser user = access.worker();
        CaseRow c = row(work.caseOfOutcome(outcome).orElseThrow(() -> access.unknown("outcome", outcome)));
        access.requireLead(user, c, familyHub(c));
        file(c).checkAction(action, owner, due);
        work.insertAction(
                outcome, action.strip(), owner.strip(), requireNonNull(due), clock.instant(), user.displayName());
        audit.record(AuditAction.PLAN_ACTION, "case", c.id().toString(), c.hub(), null, null);
    }

    /** Marks how an action is going; refuses over someone else's change. */
    @Transactional
    public void setActionStatus(UUID action, int version, ActionStatus status) {
        CurrentUser user = access.worker();
        CaseRow c = row(work.caseOfAction(action).orElseThrow(() -> access.unknown("action", action)));
        access.requireWork(user, c, familyHub(c));
        file(c).requireOpen();
        if (!work.setActionStatus(action, version, status, clock.instant(), user.displayName())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.action"));
        }
        audit.record(AuditAction.PLAN_ACTION_STATUS, "case", c.id().toString(), c.hub(), null, status.name());
    }

    /**
     * Records a review: progress towards each outcome on a 1-10 scale, notes, and the next review
     * date (3 months on unless configured otherwise).
     */
    @Transactional
    public void review(CaseId id, int version, @Nullable LocalDate heldOn, String notes, Map<UUID, Integer> scores) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        CaseFile file = file(c);
        List<CaseRecord.PlanOutcome> plan = work.plan(id);
        LocalDate next = file.review(heldOn, today(), plan, scores, notes, properties.reviewEvery());
        save(file, version);
        UUID review = UUID.randomUUID();
        work.insertReview(review, id, requireNonNull(heldOn), user.displayName(), notes.strip(), next, clock.instant());
        for (CaseRecord.PlanOutcome o : plan) {
            work.insertScore(review, o.id(), requireNonNull(scores.get(o.id())));
        }
        audit.record(AuditAction.REVIEW, "case", id.toString(), c.hub(), null, null);
        publish(file);
    }

    /** Logs a visit, session or call: anyone in the team around the family may. */
    @Transactional
    public UUID logContact(CaseId id, ContactDraft draft) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireWork(user, c, familyHub(c));
        CaseFile file = file(c);
        UUID contact = UUID.randomUUID();
        file.logContact(contact, draft, today(), RequestsForSupport.MAX_TEXT);
        work.insertContact(
                contact,
                id,
                requireNonNull(draft.on()),
                requireNonNull(draft.kind()),
                requireNonNull(draft.minutes()),
                draft.childSeen(),
                CaseFile.strip(draft.childViews()),
                draft.note().strip(),
                user.username(),
                user.displayName(),
                clock.instant());
        audit.record(
                AuditAction.LOG_CONTACT,
                "case",
                id.toString(),
                c.hub(),
                null,
                draft.kind().name());
        publish(file);
        return contact;
    }

    /** Adds a member of the hub's team to the team around the family. */
    @Transactional
    public void addToTeam(CaseId id, int version, String username) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        file(c).requireOpen();
        HubMember member = teams.team(c.hub()).stream()
                .filter(m -> m.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new ValidationException(
                        Map.of("team", new Message("referrals.problem.team.choose-someone-from-hub-s"))));
        touch(c, version);
        cases.insertCaseMember(id, member.username(), member.displayName(), member.organisationName());
        audit.record(AuditAction.ADD_TO_TEAM, "case", id.toString(), c.hub(), null, username);
    }

    /** A step-up reason's problem, if any: the page checks it before asking for a confirmation. */
    public static Optional<Message> stepUpReasonProblem(@Nullable String reason) {
        return reason == null || reason.isBlank() || reason.length() > RequestsForSupport.MAX_TEXT
                ? Optional.of(new Message("referrals.problem.stepup-reason", RequestsForSupport.MAX_TEXT))
                : Optional.empty();
    }

    /** Steps the family up to social care: the case closes and waits for a front-door check. */
    @Transactional
    public void stepUp(CaseId id, int version, String reason, boolean frontDoorContacted) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        CaseFile file = file(c);
        Instant now = clock.instant();
        file.stepUp(reason, now);
        save(file, version);
        checks.insertStepUp(c.request(), id, user.displayName(), frontDoorContacted, now);
        audit.record(AuditAction.STEP_UP, "case", id.toString(), c.hub(), null, "reason kept on the case");
        publish(file);
    }

    /**
     * Closes the family's early help with a reason and a result for every need, and schedules the
     * checks 6 and 12 months later.
     */
    @Transactional
    public void close(
            CaseId id,
            int version,
            @Nullable ClosureReason reason,
            Map<OutcomeArea, NeedResult> results,
            @Nullable String note) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        CaseFile file = file(c);
        Map<Integer, LocalDate> followUps = file.close(reason, results, note, clock.instant(), today());
        save(file, version);
        file.needs().forEach(need -> cases.insertClosureOutcome(id, need, requireNonNull(results.get(need))));
        followUps.forEach((months, due) -> cases.insertFollowUp(id, months, due));
        audit.record(
                AuditAction.CLOSE,
                "case",
                id.toString(),
                c.hub(),
                null,
                requireNonNull(reason).name());
        publish(file);
    }

    /** Records the 6- or 12-month check after closure: are things still better? The hub lead. */
    @Transactional
    public void completeFollowUp(CaseId id, int months, String note) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        // Months after closure the lead and team no longer read the record: the hub's lead checks.
        access.requireHubLeadOf(user, c, familyHub(c));
        if (JourneyRules.blank(note) || note.length() > RequestsForSupport.MAX_TEXT) {
            throw new ValidationException(
                    Map.of("note", new Message("referrals.problem.note.say-how-family-doing-now")));
        }
        if (!cases.completeFollowUp(id, months, user.displayName(), note.strip(), clock.instant())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.check"));
        }
        audit.record(AuditAction.FOLLOW_UP, "case", id.toString(), c.hub(), null, months + " months");
    }

    /** The signed-in person's open cases, with what is due or overdue, overdue first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> myCases() {
        CurrentUser user = access.worker();
        return workLists.summaries(cases.openCasesOf(user.username()), user, today(), false);
    }

    /**
     * The hub's checks after closing that are overdue or due within two weeks, soonest first, at
     * most {@link #MOST_LISTED}. Hub lead only: months after closing, the lead and team no longer
     * read the family's record.
     */
    @Transactional(readOnly = true)
    public Listing<FollowUpDue> followUpsDue(HubId hub) {
        access.hubLead(hub);
        LocalDate today = today();
        return Listing.of(cases.followUpsDue(hub, today, MOST_LISTED + 1), MOST_LISTED)
                .map(f -> new FollowUpDue(
                        f.caseId(),
                        f.familyLabel(),
                        f.months(),
                        f.due(),
                        f.due().isBefore(today)));
    }

    /**
     * The hub's drifting cases: overdue assessments and reviews, no contact for weeks, no
     * supervision for weeks; at most {@link #MOST_LISTED}, those allocated longest ago. Hub lead
     * only.
     */
    @Transactional(readOnly = true)
    public Listing<CaseSummary> drift(HubId hub) {
        CurrentUser user = access.hubLead(hub);
        Listing<CaseRow> drifting = Listing.of(workLists.drifting(hub, today(), MOST_LISTED + 1), MOST_LISTED);
        return new Listing<>(workLists.summaries(drifting.items(), user, today(), true), drifting.more());
    }

    private FamilyRow familyOf(CaseRow c) {
        return families.family(c.family()).orElseThrow(() -> new AccessDeniedException("No such case"));
    }

    private HubId familyHub(CaseRow c) {
        return familyOf(c).hub();
    }

    private CaseRow row(CaseId id) {
        return cases.caseRow(id).orElseThrow(() -> access.unknown("case", id));
    }

    private void touch(CaseRow c, int version) {
        if (!cases.touchCase(c.id(), version)) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
        }
    }

    private CaseFile file(CaseRow c) {
        return new CaseFile(c, () -> requests.needs(c.request()).keySet());
    }

    private void save(CaseFile file, int version) {
        if (!cases.save(file.progress(), version)) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
        }
    }

    private void publish(CaseFile file) {
        file.events().forEach(events::publishEvent);
    }

    private LocalDate today() {
        return WorkingCalendar.today(clock);
    }
}
