package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a family's journey that need nothing but the facts in front of them: when a request
 * is a re-referral, who may lead a family's early help (capacity), what an assessment, a review and
 * a closure must hold, and when the checks after closing fall due. The services look the facts up, check who may act, and save; these rules are
 * tested on their own, without Spring or a database.
 */
final class JourneyRules {

    private JourneyRules() {}

    /**
     * A request is a re-referral when the family's early help closed less than {@code months}
     * months before it (counted in London's calendar).
     */
    static boolean isReReferral(Optional<Instant> lastClosure, Instant now, int months) {
        ZonedDateTime since = now.atZone(WorkingCalendar.LONDON).minusMonths(months);
        return lastClosure.map(closed -> closed.isAfter(since.toInstant())).orElse(false);
    }

    /**
     * Who could lead a family's early help: the hub's team members with any capacity, each with
     * the number of open cases they lead now.
     */
    static List<Candidate> candidates(List<HubMember> team, Map<String, Integer> caseloads) {
        return team.stream()
                .filter(m -> m.capacity() > 0)
                .map(m -> new Candidate(
                        m.username(),
                        m.displayName(),
                        m.organisationName(),
                        caseloads.getOrDefault(m.username(), 0),
                        m.capacity()))
                .toList();
    }

    /**
     * What is wrong with an allocation: the lead must be a member of the hub's team with room in
     * their caseload (they lead fewer open cases than their capacity), and everyone in the team
     * around the family must be a member of the hub's team.
     */
    static Map<String, Message> allocationProblems(
            List<HubMember> team, Map<String, Integer> caseloads, @Nullable String lead, Set<String> around) {
        Map<String, Message> problems = new LinkedHashMap<>();
        HubMember chosen =
                team.stream().filter(m -> m.username().equals(lead)).findFirst().orElse(null);
        if (chosen == null || chosen.capacity() == 0) {
            problems.put("lead", new Message("referrals.problem.lead.choose-lead-practitioner-from-hub"));
        } else {
            int load = caseloads.getOrDefault(chosen.username(), 0);
            if (load >= chosen.capacity()) {
                problems.put(
                        "lead",
                        new Message(
                                "referrals.problem.lead.0-already-leads-1-2",
                                chosen.displayName(),
                                load,
                                chosen.capacity()));
            }
        }
        for (String t : around) {
            if (team.stream().noneMatch(m -> m.username().equals(t))) {
                problems.put("team", new Message("referrals.problem.team.everyone-team-around-family-must"));
            }
        }
        return problems;
    }

    /**
     * What is missing from an assessment: every need the request named is assessed, each with
     * strengths, worries and what the parents say, and what the child says or why the child was not
     * seen; an assessment is made once.
     */
    static Map<String, Message> assessmentProblems(
            boolean alreadyAssessed, Set<OutcomeArea> needs, List<CaseRecord.Assessment> entries) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (alreadyAssessed) {
            problems.put("assessment", new Message("referrals.problem.assessment.assessment-already-complete"));
        }
        for (OutcomeArea need : needs) {
            if (entries.stream().noneMatch(e -> e.area() == need)) {
                problems.put(need.name(), new Message("referrals.problem.field.assess-every-need-request-named"));
            }
        }
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
        }
        return problems;
    }

    /**
     * What is wrong with a review: it follows the assessment, happened on a day between the
     * assessment and today, scores every outcome of the plan from 1 to 10 and says what it found.
     */
    static Map<String, Message> reviewProblems(
            @Nullable Instant assessedAt,
            @Nullable LocalDate heldOn,
            LocalDate today,
            List<CaseRecord.PlanOutcome> plan,
            Map<UUID, Integer> scores,
            String notes) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (assessedAt == null) {
            problems.put("heldOn", new Message("referrals.problem.heldon.review-comes-after-assessment-complete"));
        } else if (heldOn == null) {
            problems.put("heldOn", new Message("referrals.problem.heldon.give-date-review"));
        } else if (heldOn.isAfter(today)) {
            problems.put("heldOn", new Message("referrals.problem.heldon.review-cannot-recorded-before-happens"));
        } else if (heldOn.isBefore(assessedAt.atZone(WorkingCalendar.LONDON).toLocalDate())) {
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
        return problems;
    }

    /**
     * What is missing from a closure: a reason other than a step-up (which has its own way), and a
     * result for every need the request named.
     */
    static Map<String, Message> closureProblems(
            @Nullable ClosureReason reason,
            Set<OutcomeArea> needs,
            Map<OutcomeArea, NeedResult> results,
            @Nullable String note) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (reason == null) {
            problems.put("reason", new Message("referrals.problem.reason.choose-why-early-help-ending"));
        } else if (reason == ClosureReason.STEPPED_UP) {
            problems.put("reason", new Message("referrals.problem.reason.step-up-use-step-up"));
        }
        for (OutcomeArea need : needs) {
            if (!results.containsKey(need)) {
                problems.put("results." + need.name(), new Message("referrals.problem.field.say-what-became-need"));
            }
        }
        if (note != null && note.length() > RequestsForSupport.MAX_TEXT) {
            problems.put(
                    "note", new Message("referrals.problem.note.keep-under-0-characters", RequestsForSupport.MAX_TEXT));
        }
        return problems;
    }

    /** The checks after closing: months after closing, and the day each falls due. */
    static Map<Integer, LocalDate> followUpsAfterClosing(LocalDate closedOn) {
        Map<Integer, LocalDate> due = new LinkedHashMap<>();
        due.put(6, closedOn.plusMonths(6));
        due.put(12, closedOn.plusMonths(12));
        return due;
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    static boolean tooLong(@Nullable String... texts) {
        for (String text : texts) {
            if (text != null && text.length() > RequestDraftCheck.MAX_TEXT) {
                return true;
            }
        }
        return false;
    }
}
