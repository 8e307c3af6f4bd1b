package org.earlyhelp.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.referrals.AssessmentCompleted;
import org.earlyhelp.referrals.CaseClosed;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.CaseSupervised;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.ContactKind;
import org.earlyhelp.referrals.ContactLogged;
import org.earlyhelp.referrals.NeedResult;
import org.earlyhelp.referrals.ReferralsProperties;
import org.earlyhelp.referrals.ReviewHeld;
import org.earlyhelp.referrals.Supervision;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The work on a demonstration family's case once it has a lead: visits, supervision, the
 * assessment and plan, reviews, and for the oldest cases closure and the checks after it. What
 * each case gets depends on its index among its hub's families, so that the hub's lists show
 * every stage and every kind of drift.
 */
@Component
class DemonstrationCaseHistory {

    /** The case a history is written for. */
    record Story(
            CaseId caseId,
            HubId hub,
            int index,
            List<OutcomeArea> needs,
            HubMember lead,
            HubMember other,
            LocalDate allocatedOn,
            String hubLeadName) {}

    private final CaseRepository cases;
    private final CaseWorkRepository work;
    private final SupervisionRepository supervisions;
    private final WorkingCalendar calendar;
    private final ReferralsProperties properties;
    private final Clock clock;

    DemonstrationCaseHistory(
            CaseRepository cases,
            CaseWorkRepository work,
            SupervisionRepository supervisions,
            WorkingCalendar calendar,
            ReferralsProperties properties,
            Clock clock) {
        this.cases = cases;
        this.work = work;
        this.supervisions = supervisions;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Writes the case's history; its events go to {@code third}, the last wave. */
    void write(Story s, Random random, Consumer<Object> third) {
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        // Open cases 3-5 are young: 3 unassessed and overdue or near, 4-5 assessed. 6-8 older, reviewed
        // (8 drifting: no contact for weeks). 9-11 closed.
        boolean assessed = s.index() != 3;
        LocalDate lastDay = s.index() >= 9 ? s.allocatedOn().plusDays(90 + random.nextInt(120)) : today;
        if (lastDay.isAfter(today)) {
            lastDay = today;
        }
        LocalDate contactUntil = s.index() == 8 ? today.minusWeeks(6) : lastDay;
        int contacts = 0;
        for (LocalDate d = s.allocatedOn().plusDays(2);
                !d.isAfter(contactUntil);
                d = d.plusDays(7 + random.nextInt(10))) {
            UUID contact = UUID.randomUUID();
            boolean seen = random.nextInt(3) > 0;
            ContactKind kind = ContactKind.values()[random.nextInt(4)];
            work.insertContact(
                    contact,
                    s.caseId(),
                    d,
                    kind,
                    30 + 15 * random.nextInt(5),
                    seen,
                    seen
                            ? DemonstrationTexts.CHILD_VIEWS.get(random.nextInt(DemonstrationTexts.CHILD_VIEWS.size()))
                            : null,
                    "Worked on the plan with the family.",
                    contacts % 2 == 0 ? s.lead().username() : s.other().username(),
                    contacts % 2 == 0 ? s.lead().displayName() : s.other().displayName(),
                    at(d));
            third.accept(new ContactLogged(contact, s.caseId(), s.hub(), at(d), seen));
            contacts++;
        }
        // Supervised every four to five weeks; case 6 not for eight weeks (drifting for want of oversight).
        LocalDate superviseUntil = s.index() == 6 ? today.minusWeeks(8) : lastDay;
        for (LocalDate d = s.allocatedOn().plusWeeks(4);
                !d.isAfter(superviseUntil);
                d = d.plusDays(28 + 3 * (s.index() % 3))) {
            Supervision held = new Supervision(
                    UUID.randomUUID(),
                    s.caseId(),
                    d,
                    DemonstrationTexts.SUPERVISION_DISCUSSED,
                    DemonstrationTexts.SUPERVISION_DECIDED,
                    d.plusWeeks(properties.oversight()),
                    s.hubLeadName(),
                    at(d));
            supervisions.insert(held);
            third.accept(new CaseSupervised(held.id(), s.caseId(), s.hub(), d, held.recordedAt()));
        }
        if (!assessed) {
            return;
        }
        LocalDate assessedOn = calendar.plusWorkingDays(s.allocatedOn(), 5 + random.nextInt(22));
        if (assessedOn.isAfter(today)) {
            assessedOn = today;
        }
        for (OutcomeArea need : s.needs()) {
            work.insertAssessment(
                    s.caseId(),
                    new CaseRecord.Assessment(
                            need,
                            "The family want things to change.",
                            "Things have got worse this term.",
                            "I want things to be calmer at home.",
                            null,
                            "We need some help to get back on track."));
        }
        LocalDate firstReview = assessedOn.plusWeeks(properties.firstReview());
        cases.setAssessed(s.caseId(), at(assessedOn), firstReview);
        third.accept(new AssessmentCompleted(s.caseId(), s.hub(), at(assessedOn), true, firstReview));
        List<UUID> outcomes = new ArrayList<>();
        for (OutcomeArea need : s.needs()) {
            UUID outcome = work.upsertOutcome(
                    s.caseId(),
                    need,
                    DemonstrationTexts.OUTCOME_TEXT.get(need),
                    at(assessedOn),
                    s.lead().displayName());
            outcomes.add(outcome);
            work.insertAction(
                    outcome,
                    "Agree a weekly plan with the family",
                    s.lead().displayName(),
                    assessedOn.plusWeeks(3),
                    at(assessedOn),
                    s.lead().displayName());
        }
        LocalDate nextReview = firstReview;
        int score = 3 + random.nextInt(3);
        while (!nextReview.isAfter(s.index() >= 9 ? lastDay : today.minusDays(s.index() == 7 ? 20 : 0))
                && s.index() != 4) {
            UUID review = UUID.randomUUID();
            LocalDate next = nextReview.plusMonths(properties.reviewEvery());
            work.insertReview(
                    review,
                    s.caseId(),
                    nextReview,
                    s.lead().displayName(),
                    "Progress reviewed with the family.",
                    next,
                    at(nextReview));
            for (UUID outcome : outcomes) {
                work.insertScore(review, outcome, Math.min(10, score));
            }
            score += 2;
            cases.setNextReview(s.caseId(), next);
            third.accept(new ReviewHeld(s.caseId(), s.hub(), at(nextReview), next));
            nextReview = next;
        }
        if (s.index() < 9) {
            return;
        }
        Instant closed = at(lastDay);
        ClosureReason reason = s.index() == 11 ? ClosureReason.DISENGAGED : ClosureReason.NEEDS_MET;
        cases.close(s.caseId(), closed, reason, "Closing summary agreed with the family.");
        int achieved = 0;
        for (OutcomeArea need : s.needs()) {
            NeedResult result = reason == ClosureReason.NEEDS_MET
                    ? (random.nextInt(4) == 0 ? NeedResult.PARTLY_ACHIEVED : NeedResult.ACHIEVED)
                    : NeedResult.NOT_ACHIEVED;
            cases.insertClosureOutcome(s.caseId(), need, result);
            achieved += result == NeedResult.ACHIEVED ? 1 : 0;
        }
        cases.insertFollowUp(s.caseId(), 6, lastDay.plusMonths(6));
        cases.insertFollowUp(s.caseId(), 12, lastDay.plusMonths(12));
        third.accept(
                new CaseClosed(s.caseId(), s.hub(), closed, reason, s.needs().size(), achieved));
    }

    private Instant at(LocalDate day) {
        ZonedDateTime noon = day.atTime(12, 0).atZone(WorkingCalendar.LONDON);
        Instant instant = noon.toInstant();
        return instant.isAfter(clock.instant()) ? clock.instant().minusSeconds(60) : instant;
    }
}
