package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.JourneyRepository;
import org.earlyhelp.referrals.internal.JourneyRepository.CaseRow;
import org.earlyhelp.referrals.internal.WorkLists;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
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

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final int CONTACTS_SHOWN = 200;

    private final JourneyRepository journey;
    private final WorkLists workLists;
    private final Access access;
    private final HubTeams teams;
    private final ReferralsProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    Cases(
            JourneyRepository journey,
            WorkLists workLists,
            Access access,
            HubTeams teams,
            ReferralsProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.journey = journey;
        this.workLists = workLists;
        this.access = access;
        this.teams = teams;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A visit, session or call as logged. */
    public record ContactDraft(
            @Nullable LocalDate on,
            @Nullable ContactKind kind,
            @Nullable Integer minutes,
            boolean childSeen,
            @Nullable String childViews,
            String note) {}

    /** The whole case, for its lead, its team and its hub's lead. Audited. */
    @Transactional
    public CaseRecord caseRecord(UUID id) {
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
                journey.team(id),
                journey.needs(c.request()),
                journey.assessment(id),
                journey.plan(id),
                journey.reviews(id),
                journey.contacts(id, CONTACTS_SHOWN),
                journey.closure(id),
                journey.followUps(id),
                journey.members(c.family()).stream()
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
    public void assess(UUID id, int version, List<CaseRecord.Assessment> entries) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        requireOpen(c);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (c.assessedAt() != null) {
            problems.put("assessment", new Message("referrals.problem.assessment.assessment-already-complete"));
        }
        Map<OutcomeArea, String> needs = journey.needs(c.request());
        for (OutcomeArea need : needs.keySet()) {
            if (entries.stream().noneMatch(e -> e.area() == need)) {
                problems.put(need.name(), new Message("referrals.problem.field.assess-every-need-request-named"));
            }
        }
        boolean childViews = false;
        for (CaseRecord.Assessment e : entries) {
            String key = e.area().name();
            if (blank(e.strengths()) || blank(e.worries()) || blank(e.parentsSay())) {
                problems.put(key, new Message("referrals.problem.field.record-strengths-worries-what-parents"));
            } else if (blank(e.childSays()) && blank(e.childNotSeenReason())) {
                problems.put(key, new Message("referrals.problem.field.record-what-child-says-why"));
            } else if (tooLong(e.strengths(), e.worries(), e.parentsSay(), e.childSays(), e.childNotSeenReason())) {
                problems.put(
                        key,
                        new Message("referrals.problem.field.keep-each-answer-under-0", RequestsForSupport.MAX_TEXT));
            }
            childViews |= !blank(e.childSays());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        touch(c, version);
        for (CaseRecord.Assessment e : entries) {
            journey.insertAssessment(
                    id,
                    new CaseRecord.Assessment(
                            e.area(),
                            e.strengths().strip(),
                            e.worries().strip(),
                            strip(e.childSays()),
                            strip(e.childNotSeenReason()),
                            e.parentsSay().strip()));
        }
        Instant now = clock.instant();
        LocalDate firstReview = today().plusWeeks(properties.firstReview());
        journey.setAssessed(id, now, firstReview);
        audit.record(AuditAction.ASSESS, "case", id.toString(), c.hub(), null, entries.size() + " needs");
        events.publishEvent(new AssessmentCompleted(id, c.hub(), now, childViews, firstReview));
    }

    /** Adds (or rewords) the outcome the plan works towards for one need. */
    @Transactional
    public UUID addOutcome(UUID id, int version, @Nullable OutcomeArea area, String outcome) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        requireOpen(c);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (area == null) {
            problems.put("area", new Message("referrals.problem.area.choose-need-outcome"));
        }
        if (blank(outcome) || outcome.length() > 1000) {
            problems.put("outcome", new Message("referrals.problem.outcome.say-what-will-different-family"));
        }
        if (c.assessedAt() == null) {
            problems.put("outcome", new Message("referrals.problem.outcome.complete-assessment-before-plan"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        touch(c, version);
        UUID outcomeId = journey.upsertOutcome(id, area, outcome.strip(), clock.instant(), user.displayName());
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
        CaseRow c = row(journey.caseOfOutcome(outcome).orElseThrow(() -> access.unknown("outcome", outcome)));
        access.requireLead(user, c, familyHub(c));
        requireOpen(c);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (blank(action) || action.length() > 1000) {
            problems.put("action", new Message("referrals.problem.action.say-what-will-done"));
        }
        if (blank(owner) || owner.length() > 200) {
            problems.put("owner", new Message("referrals.problem.owner.say-who-will-do"));
        }
        if (due == null) {
            problems.put("due", new Message("referrals.problem.due.give-due-date"));
        } else if (due.isBefore(c.allocatedAt().atZone(WorkingCalendar.LONDON).toLocalDate())) {
            problems.put("due", new Message("referrals.problem.due.due-date-cannot-before-family"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        journey.insertAction(outcome, action.strip(), owner.strip(), due, clock.instant(), user.displayName());
        audit.record(AuditAction.PLAN_ACTION, "case", c.id().toString(), c.hub(), null, null);
    }

    /** Marks how an action is going; refuses over someone else's change. */
    @Transactional
    public void setActionStatus(UUID action, int version, ActionStatus status) {
        CurrentUser user = access.worker();
        CaseRow c = row(journey.caseOfAction(action).orElseThrow(() -> access.unknown("action", action)));
        access.requireWork(user, c, familyHub(c));
        requireOpen(c);
        if (!journey.setActionStatus(action, version, status, clock.instant(), user.displayName())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.action"));
        }
        audit.record(AuditAction.PLAN_ACTION_STATUS, "case", c.id().toString(), c.hub(), null, status.name());
    }

    /**
     * Records a review: progress towards each outcome on a 1-10 scale, notes, and the next review
     * date (3 months on unless configured otherwise).
     */
    @Transactional
    public void review(UUID id, int version, @Nullable LocalDate heldOn, String notes, Map<UUID, Integer> scores) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        requireOpen(c);
        Map<String, Message> problems = new LinkedHashMap<>();
        List<CaseRecord.PlanOutcome> plan = journey.plan(id);
        if (c.assessedAt() == null) {
            problems.put("heldOn", new Message("referrals.problem.heldon.review-comes-after-assessment-complete"));
        } else if (heldOn == null) {
            problems.put("heldOn", new Message("referrals.problem.heldon.give-date-review"));
        } else if (heldOn.isAfter(today())) {
            problems.put("heldOn", new Message("referrals.problem.heldon.review-cannot-recorded-before-happens"));
        } else if (heldOn.isBefore(c.assessedAt().atZone(WorkingCalendar.LONDON).toLocalDate())) {
            problems.put("heldOn", new Message("referrals.problem.heldon.review-cannot-before-assessment"));
        }
        if (plan.isEmpty()) {
            problems.put("scores", new Message("referrals.problem.scores.add-plan-s-outcomes-before"));
        }
        for (CaseRecord.PlanOutcome o : plan) {
            Integer score = scores.get(o.id());
            if (score == null || score < 1 || score > 10) {
                problems.put("scores." + o.id(), new Message("referrals.problem.field.score-progress-from-1-10"));
            }
        }
        if (blank(notes) || notes.length() > RequestsForSupport.MAX_TEXT) {
            problems.put("notes", new Message("referrals.problem.notes.record-what-review-found"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        touch(c, version);
        LocalDate next = requireNonNull(heldOn).plusMonths(properties.reviewEvery());
        UUID review = UUID.randomUUID();
        journey.insertReview(review, id, heldOn, user.displayName(), notes.strip(), next, clock.instant());
        for (CaseRecord.PlanOutcome o : plan) {
            journey.insertScore(review, o.id(), requireNonNull(scores.get(o.id())));
        }
        journey.setNextReview(id, next);
        audit.record(AuditAction.REVIEW, "case", id.toString(), c.hub(), null, null);
        events.publishEvent(new ReviewHeld(
                id, c.hub(), heldOn.atStartOfDay(WorkingCalendar.LONDON).toInstant(), next));
    }

    /** Logs a visit, session or call: anyone in the team around the family may. */
    @Transactional
    public UUID logContact(UUID id, ContactDraft draft) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireWork(user, c, familyHub(c));
        requireOpen(c);
        Map<String, Message> problems = new LinkedHashMap<>();
        LocalDate allocated = c.allocatedAt().atZone(WorkingCalendar.LONDON).toLocalDate();
        if (draft.on() == null) {
            problems.put("on", new Message("referrals.problem.on.give-date"));
        } else if (draft.on().isAfter(today())) {
            problems.put("on", new Message("referrals.problem.on.contact-cannot-logged-before-happens"));
        } else if (draft.on().isBefore(allocated)) {
            problems.put("on", new Message("referrals.problem.on.case-started-0-log-earlier", DAY.format(allocated)));
        }
        if (draft.kind() == null) {
            problems.put("kind", new Message("referrals.problem.kind.choose-what-kind-contact-was"));
        }
        if (draft.minutes() == null || draft.minutes() < 1 || draft.minutes() > 720) {
            problems.put("minutes", new Message("referrals.problem.minutes.give-how-long-took-minutes"));
        }
        if (blank(draft.note()) || draft.note().length() > RequestsForSupport.MAX_TEXT) {
            problems.put("note", new Message("referrals.problem.note.write-short-note-what-happened"));
        }
        if (!draft.childSeen() && !blank(draft.childViews())) {
            problems.put("childViews", new Message("referrals.problem.childviews.child-s-views-are-recorded"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UUID contact = UUID.randomUUID();
        Instant now = clock.instant();
        journey.insertContact(
                contact,
                id,
                draft.on(),
                draft.kind(),
                requireNonNull(draft.minutes()),
                draft.childSeen(),
                strip(draft.childViews()),
                draft.note().strip(),
                user.username(),
                user.displayName(),
                now);
        audit.record(
                AuditAction.LOG_CONTACT,
                "case",
                id.toString(),
                c.hub(),
                null,
                requireNonNull(draft.kind()).name());
        events.publishEvent(new ContactLogged(
                contact,
                id,
                c.hub(),
                requireNonNull(draft.on())
                        .atTime(12, 0)
                        .atZone(WorkingCalendar.LONDON)
                        .toInstant(),
                draft.childSeen()));
        return contact;
    }

    /** Adds a member of the hub's team to the team around the family. */
    @Transactional
    public void addToTeam(UUID id, int version, String username) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        requireOpen(c);
        HubMember member = teams.team(c.hub()).stream()
                .filter(m -> m.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new ValidationException(
                        Map.of("team", new Message("referrals.problem.team.choose-someone-from-hub-s"))));
        touch(c, version);
        journey.insertCaseMember(id, member.username(), member.displayName(), member.organisationName());
        audit.record(AuditAction.ADD_TO_TEAM, "case", id.toString(), c.hub(), null, username);
    }

    /**
     * What is wrong with a step-up reason, if anything: the same check the page makes before it
     * asks for a confirmation, so nobody confirms a step-up that is then refused.
     */
    public static Optional<Message> stepUpReasonProblem(@Nullable String reason) {
        return reason == null || reason.isBlank() || reason.length() > RequestsForSupport.MAX_TEXT
                ? Optional.of(new Message("referrals.problem.stepup-reason", RequestsForSupport.MAX_TEXT))
                : Optional.empty();
    }

    /** Steps the family up to children's social care: the case closes as stepped up. */
    @Transactional
    public void stepUp(UUID id, int version, String reason) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        requireOpen(c);
        stepUpReasonProblem(reason).ifPresent(problem -> {
            throw new ValidationException(Map.of("reason", problem));
        });
        touch(c, version);
        Instant now = clock.instant();
        journey.setSteppedUp(id, now);
        journey.close(id, now, ClosureReason.STEPPED_UP, reason.strip());
        audit.record(AuditAction.STEP_UP, "case", id.toString(), c.hub(), reason.strip(), null);
        int needs = journey.needs(c.request()).size();
        events.publishEvent(new SteppedUp(c.request(), id, c.hub(), now));
        events.publishEvent(new CaseClosed(id, c.hub(), now, ClosureReason.STEPPED_UP, needs, 0));
    }

    /**
     * Closes the family's early help with a reason and a result for every need, and schedules the
     * checks 6 and 12 months later.
     */
    @Transactional
    public void close(
            UUID id,
            int version,
            @Nullable ClosureReason reason,
            Map<OutcomeArea, NeedResult> results,
            @Nullable String note) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        access.requireLead(user, c, familyHub(c));
        requireOpen(c);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (reason == null) {
            problems.put("reason", new Message("referrals.problem.reason.choose-why-early-help-ending"));
        } else if (reason == ClosureReason.STEPPED_UP) {
            problems.put("reason", new Message("referrals.problem.reason.step-up-use-step-up"));
        }
        Map<OutcomeArea, String> needs = journey.needs(c.request());
        for (OutcomeArea need : needs.keySet()) {
            if (!results.containsKey(need)) {
                problems.put("results." + need.name(), new Message("referrals.problem.field.say-what-became-need"));
            }
        }
        if (note != null && note.length() > RequestsForSupport.MAX_TEXT) {
            problems.put(
                    "note", new Message("referrals.problem.note.keep-under-0-characters", RequestsForSupport.MAX_TEXT));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        touch(c, version);
        Instant now = clock.instant();
        journey.close(id, now, reason, strip(note));
        int achieved = 0;
        for (OutcomeArea need : needs.keySet()) {
            NeedResult result = results.get(need);
            journey.insertClosureOutcome(id, need, result);
            if (result == NeedResult.ACHIEVED) {
                achieved++;
            }
        }
        journey.insertFollowUp(id, 6, today().plusMonths(6));
        journey.insertFollowUp(id, 12, today().plusMonths(12));
        audit.record(
                AuditAction.CLOSE,
                "case",
                id.toString(),
                c.hub(),
                null,
                requireNonNull(reason).name());
        events.publishEvent(new CaseClosed(id, c.hub(), now, reason, needs.size(), achieved));
    }

    /** Records the 6- or 12-month check after closure: are things still better? The hub lead. */
    @Transactional
    public void completeFollowUp(UUID id, int months, String note) {
        CurrentUser user = access.worker();
        CaseRow c = row(id);
        // Months after closure the lead and team no longer read the record: the hub's lead checks.
        access.requireHubLeadOf(user, c, familyHub(c));
        if (blank(note) || note.length() > RequestsForSupport.MAX_TEXT) {
            throw new ValidationException(
                    Map.of("note", new Message("referrals.problem.note.say-how-family-doing-now")));
        }
        if (!journey.completeFollowUp(id, months, user.displayName(), note.strip(), clock.instant())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.check"));
        }
        audit.record(AuditAction.FOLLOW_UP, "case", id.toString(), c.hub(), null, months + " months");
    }

    /** The signed-in person's open cases, with what is due or overdue, overdue first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> myCases() {
        CurrentUser user = access.worker();
        return workLists.summaries(journey.openCasesOf(user.username()), user, today(), false);
    }

    /** A check after closing that is due (or overdue), with the family it is about. */
    public record FollowUpDue(UUID caseId, String familyLabel, int months, LocalDate due, boolean overdue) {}

    /**
     * The hub's checks after closing that are overdue or due within two weeks, soonest first. Hub
     * lead only: months after closing, the lead and team no longer read the family's record.
     */
    @Transactional(readOnly = true)
    public List<FollowUpDue> followUpsDue(HubId hub) {
        access.hubLead(hub);
        LocalDate today = today();
        return journey.followUpsDue(hub, today.plusWeeks(2)).stream()
                .map(f -> new FollowUpDue(
                        f.caseId(),
                        f.familyLabel(),
                        f.months(),
                        f.due(),
                        f.due().isBefore(today)))
                .toList();
    }

    /**
     * The hub's drifting cases: overdue assessments and reviews, no contact for weeks, no
     * supervision for weeks. Hub lead only.
     */
    @Transactional(readOnly = true)
    public List<CaseSummary> drift(HubId hub) {
        CurrentUser user = access.hubLead(hub);
        return workLists.summaries(workLists.drifting(hub, today(), 500), user, today(), true);
    }

    private JourneyRepository.FamilyRow familyOf(CaseRow c) {
        return journey.family(c.family()).orElseThrow(() -> new AccessDeniedException("No such case"));
    }

    private HubId familyHub(CaseRow c) {
        return familyOf(c).hub();
    }

    private CaseRow row(UUID id) {
        return journey.caseRow(id).orElseThrow(() -> access.unknown("case", id));
    }

    private void touch(CaseRow c, int version) {
        if (!journey.touchCase(c.id(), version)) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
        }
    }

    private static void requireOpen(CaseRow c) {
        if (c.closedAt() != null) {
            throw new ValidationException(
                    Map.of("case", new Message("referrals.problem.case.family-s-early-help-has")));
        }
    }

    private LocalDate today() {
        return WorkingCalendar.today(clock);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static boolean tooLong(@Nullable String... texts) {
        for (String t : texts) {
            if (t != null && t.length() > RequestsForSupport.MAX_TEXT) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String strip(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
