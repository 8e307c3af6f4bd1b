package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.earlyhelp.referrals.internal.CaseProgress;
import org.earlyhelp.referrals.internal.CaseRow;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/**
 * A family's case file as an aggregate: each step of the work checks its rule here, changes the
 * case and registers the event it causes. It knows nothing of Spring, the database or who is
 * signed in: {@link Cases} checks who may act, saves {@link #progress()} with the version the
 * practitioner saw, and then publishes {@link #events()}.
 */
final class CaseFile {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final CaseRow row;
    private final Supplier<Set<OutcomeArea>> lookUpNeeds;
    private @Nullable Set<OutcomeArea> needs;
    private final List<Object> events = new ArrayList<>();
    private @Nullable Instant assessedAt;
    private @Nullable LocalDate nextReviewDue;
    private @Nullable Instant closedAt;
    private @Nullable ClosureReason closeReason;
    private @Nullable String closeNote;
    private @Nullable Instant steppedUpAt;

    /** The case as stored, with the needs its request named. */
    CaseFile(CaseRow row, Set<OutcomeArea> needs) {
        this(row, () -> needs);
    }

    /**
     * The case as stored; the needs its request named are looked up only by a step that uses them
     * (an assessment, a step-up, a closure), and only once.
     */
    CaseFile(CaseRow row, Supplier<Set<OutcomeArea>> needs) {
        this.row = row;
        this.lookUpNeeds = needs;
        this.assessedAt = row.assessedAt();
        this.nextReviewDue = row.nextReviewDue();
        this.closedAt = row.closedAt();
        this.closeReason = row.closeReason();
    }

    CaseId id() {
        return row.id();
    }

    HubId hub() {
        return row.hub();
    }

    Set<OutcomeArea> needs() {
        Set<OutcomeArea> known = needs;
        if (known == null) {
            known = Collections.unmodifiableSet(new LinkedHashSet<>(lookUpNeeds.get()));
            needs = known;
        }
        return known;
    }

    /** What the steps so far changed on the case, to be saved. */
    CaseProgress progress() {
        return new CaseProgress(row.id(), assessedAt, nextReviewDue, closedAt, closeReason, closeNote, steppedUpAt);
    }

    /** The events the steps so far caused, in order, to be published once the case is saved. */
    List<Object> events() {
        return List.copyOf(events);
    }

    /** Refuses any step on a case whose early help has ended. */
    void requireOpen() {
        if (closedAt != null) {
            throw new ValidationException(
                    Map.of("case", new Message("referrals.problem.case.family-s-early-help-has")));
        }
    }

    /**
     * Completes the assessment: every need assessed, once. The first review falls due {@code
     * firstReviewWeeks} weeks after {@code today}. Returns the entries as they are to be kept.
     */
    List<CaseRecord.Assessment> assess(
            List<CaseRecord.Assessment> entries, Instant now, LocalDate today, int firstReviewWeeks) {
        requireOpen();
        Map<String, Message> problems = JourneyRules.assessmentProblems(assessedAt != null, needs(), entries);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean childViews = entries.stream().anyMatch(e -> !JourneyRules.blank(e.childSays()));
        assessedAt = now;
        nextReviewDue = today.plusWeeks(firstReviewWeeks);
        events.add(new AssessmentCompleted(row.id(), row.hub(), now, childViews, nextReviewDue));
        return entries.stream()
                .map(e -> new CaseRecord.Assessment(
                        e.area(),
                        e.strengths().strip(),
                        e.worries().strip(),
                        strip(e.childSays()),
                        strip(e.childNotSeenReason()),
                        e.parentsSay().strip()))
                .toList();
    }

    /** Checks an outcome for the plan: a need, words, and an assessment already made. */
    void checkOutcome(@Nullable OutcomeArea area, String outcome) {
        requireOpen();
        Map<String, Message> problems = new LinkedHashMap<>();
        if (area == null) {
            problems.put("area", new Message("referrals.problem.area.choose-need-outcome"));
        }
        if (JourneyRules.blank(outcome) || outcome.length() > 1000) {
            problems.put("outcome", new Message("referrals.problem.outcome.say-what-will-different-family"));
        }
        if (assessedAt == null) {
            problems.put("outcome", new Message("referrals.problem.outcome.complete-assessment-before-plan"));
        }
        throwIfAny(problems);
    }

    /** Checks an action for the plan: what, who, and a due date no earlier than the case. */
    void checkAction(String action, String owner, @Nullable LocalDate due) {
        requireOpen();
        Map<String, Message> problems = new LinkedHashMap<>();
        if (JourneyRules.blank(action) || action.length() > 1000) {
            problems.put("action", new Message("referrals.problem.action.say-what-will-done"));
        }
        if (JourneyRules.blank(owner) || owner.length() > 200) {
            problems.put("owner", new Message("referrals.problem.owner.say-who-will-do"));
        }
        if (due == null) {
            problems.put("due", new Message("referrals.problem.due.give-due-date"));
        } else if (due.isBefore(allocatedOn())) {
            problems.put("due", new Message("referrals.problem.due.due-date-cannot-before-family"));
        }
        throwIfAny(problems);
    }

    /**
     * Holds a review of the plan: the next review falls due {@code reviewEveryMonths} months after
     * the day it was held, which it returns.
     */
    LocalDate review(
            @Nullable LocalDate heldOn,
            LocalDate today,
            List<CaseRecord.PlanOutcome> plan,
            Map<UUID, Integer> scores,
            String notes,
            int reviewEveryMonths) {
        requireOpen();
        throwIfAny(JourneyRules.reviewProblems(assessedAt, heldOn, today, plan, scores, notes));
        LocalDate next = requireNonNull(heldOn).plusMonths(reviewEveryMonths);
        nextReviewDue = next;
        events.add(new ReviewHeld(
                row.id(), row.hub(), heldOn.atStartOfDay(WorkingCalendar.LONDON).toInstant(), next));
        return next;
    }

    /** Logs a visit, session or call on a day between the case's start and today. */
    void logContact(UUID contact, ContactDraft draft, LocalDate today, int maxText) {
        requireOpen();
        Map<String, Message> problems = new LinkedHashMap<>();
        LocalDate allocated = allocatedOn();
        if (draft.on() == null) {
            problems.put("on", new Message("referrals.problem.on.give-date"));
        } else if (draft.on().isAfter(today)) {
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
        if (JourneyRules.blank(draft.note()) || draft.note().length() > maxText) {
            problems.put("note", new Message("referrals.problem.note.write-short-note-what-happened"));
        }
        if (!draft.childSeen() && !JourneyRules.blank(draft.childViews())) {
            problems.put("childViews", new Message("referrals.problem.childviews.child-s-views-are-recorded"));
        }
        throwIfAny(problems);
        Instant at = requireNonNull(draft.on())
                .atTime(12, 0)
                .atZone(WorkingCalendar.LONDON)
                .toInstant();
        events.add(new ContactLogged(contact, row.id(), row.hub(), at, draft.childSeen()));
    }

    /** Steps the family up to children's social care: the case ends as stepped up. */
    void stepUp(String reason, Instant now) {
        requireOpen();
        Cases.stepUpReasonProblem(reason).ifPresent(problem -> {
            throw new ValidationException(Map.of("reason", problem));
        });
        steppedUpAt = now;
        end(now, ClosureReason.STEPPED_UP, reason.strip());
        events.add(new SteppedUp(row.request(), row.id(), row.hub(), now));
        events.add(new CaseClosed(row.id(), row.hub(), now, ClosureReason.STEPPED_UP, needs().size(), 0));
    }

    /**
     * Closes the case with a reason and a result for every need. Returns the checks after closing
     * (months after, and the day each falls due).
     */
    Map<Integer, LocalDate> close(
            @Nullable ClosureReason reason,
            Map<OutcomeArea, NeedResult> results,
            @Nullable String note,
            Instant now,
            LocalDate today) {
        requireOpen();
        throwIfAny(JourneyRules.closureProblems(reason, needs(), results, note));
        end(now, requireNonNull(reason), strip(note));
        int achieved = (int) needs().stream()
                .filter(need -> results.get(need) == NeedResult.ACHIEVED)
                .count();
        events.add(new CaseClosed(row.id(), row.hub(), now, reason, needs().size(), achieved));
        return JourneyRules.followUpsAfterClosing(today);
    }

    private void end(Instant now, ClosureReason reason, @Nullable String note) {
        closedAt = now;
        closeReason = reason;
        closeNote = note;
        nextReviewDue = null;
    }

    private LocalDate allocatedOn() {
        return row.allocatedAt().atZone(WorkingCalendar.LONDON).toLocalDate();
    }

    private static void throwIfAny(Map<String, Message> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    static @Nullable String strip(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
