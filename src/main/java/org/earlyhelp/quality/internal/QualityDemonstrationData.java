package org.earlyhelp.quality.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.quality.AuditFramework.Domain;
import org.earlyhelp.quality.AuditFramework.Version;
import org.earlyhelp.quality.AuditStage;
import org.earlyhelp.quality.CaseAudit;
import org.earlyhelp.quality.CaseAudits;
import org.earlyhelp.quality.Grade;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.demo.AsDemonstrationData;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A first version of the audit framework for the demonstration, in the domains councils commonly
 * audit against, for an administrator to change; and case file audits drawn by
 * the application's own sample draw: six months: the oldest four moderated, last month waiting for
 * reflections and moderation, this month waiting for the auditors (one of them overdue). Off with
 * {@code earlyhelp.demo.journeys=false}.
 */
@Component
class QualityDemonstrationData implements DemonstrationData {

    private static final String[] EVIDENCE = {
        "The record shows the child seen alone at most visits, with their words written down.",
        "Visits and reviews are on time, but the plan's dates slipped after the second review.",
        "The assessment weighs the family's strengths; the child's view of school is missing.",
        "Outcomes are measurable and scored at each review, with owners for every action.",
        "School and health attend reviews; housing did not reply to two invitations.",
        "Supervision is recorded monthly with clear decisions and dates.",
        "The family agreed the closure; the three-month check is booked."
    };

    private final FrameworkRepository repository;
    private final CaseAuditRepository audits;
    private final CaseAudits caseAudits;
    private final Clock clock;
    private final boolean enabled;
    private final AsDemonstrationData asDemonstrationData;

    QualityDemonstrationData(
            FrameworkRepository repository,
            CaseAuditRepository audits,
            CaseAudits caseAudits,
            Clock clock,
            AsDemonstrationData asDemonstrationData,
            @Value("${earlyhelp.demo.journeys:true}") boolean enabled) {
        this.asDemonstrationData = asDemonstrationData;
        this.repository = repository;
        this.audits = audits;
        this.caseAudits = caseAudits;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load() {
        if (!enabled || repository.latest().isPresent()) {
            return;
        }
        repository.insert(new Version(
                1,
                "The first version, agreed by the partnership board.",
                "Administrator",
                clock.instant(),
                List.of(
                        domain(
                                "The child's lived experience and voice",
                                "Does the record show what life is like for each child, in their own words, and"
                                        + " what changed because of them?"),
                        domain(
                                "Timeliness",
                                "Were the request decided, the assessment completed and the reviews held on time?"),
                        domain(
                                "Assessment",
                                "Does the assessment weigh strengths and worries for every need, with the family's"
                                        + " and the child's views?"),
                        domain(
                                "The plan and its outcomes",
                                "Is the plan built on measurable outcomes, with actions that have owners and dates?"),
                        domain(
                                "The team around the family",
                                "Do the partners in the team share the work, attend reviews and know the plan?"),
                        domain(
                                "Management oversight",
                                "Is the case supervised regularly, with decisions recorded and followed up?"),
                        domain(
                                "Closure and sustainability",
                                "Was the case closed with the family's agreement, outcomes recorded and follow-up"
                                        + " checks held?"))));
        loadAudits();
    }

    private void loadAudits() {
        LocalDate today = WorkingCalendar.today(clock);
        YearMonth now = YearMonth.from(today);
        asDemonstrationData.run(() -> {
            for (int back = 5; back >= 0; back--) {
                caseAudits.draw(now.minusMonths(back));
            }
        });
        int n = 0;
        for (int back = 5; back >= 2; back--) {
            for (CaseAudit a : audits.ofMonth(now.minusMonths(back))) {
                // Practice improves month by month: fewer grades below good as the months go on.
                grade(a, n++, back, today);
                reflect(a.id(), today);
                moderate(a.id(), today);
            }
        }
        for (CaseAudit a : audits.ofMonth(now.minusMonths(1))) {
            grade(a, n, 1, today);
            if (n++ % 2 == 0) {
                reflect(a.id(), today);
            }
        }
        audits.ofMonth(now).stream().findFirst().ifPresent(a -> audits.backdate(a.id(), today.minusDays(3)));
    }

    /** The auditor's grades: mostly good, more so in recent months; one action for the lead. */
    private void grade(CaseAudit a, int n, int monthsAgo, LocalDate today) {
        List<Domain> domains =
                repository.version(a.frameworkVersion()).orElseThrow().domains();
        List<CaseAudit.DomainGrade> grades = new ArrayList<>();
        for (int i = 0; i < EVIDENCE.length; i++) {
            // Good for most domains, more so in recent months; otherwise any grade.
            Grade g = Grade.values()[(n * 7 + i * 3) % 10 < 10 - monthsAgo ? 1 : (i + n) % 4];
            grades.add(new CaseAudit.DomainGrade(domains.get(i).name(), g, EVIDENCE[i], null, null));
        }
        List<CaseAudit.Action> actions = List.of(new CaseAudit.Action(
                UUID.randomUUID(),
                "Record the child's own words about school at the next visit.",
                a.lead(),
                a.leadName(),
                n % 3 == 0 ? today.minusDays(5) : today.plusDays(14 + n),
                null,
                0));
        audits.advance(a.id(), a.version(), AuditStage.AUDIT, AuditStage.REFLECTION, today.plusDays(10));
        audits.graded(a.id(), grades, actions, clock.instant());
    }

    private void reflect(UUID id, LocalDate today) {
        CaseAudit a = audits.find(id).orElseThrow();
        audits.advance(id, a.version(), AuditStage.REFLECTION, AuditStage.MODERATION, today.plusDays(10));
        audits.reflected(
                id,
                "Fair: I will ask the child about school on their own, and chase housing before the review.",
                clock.instant());
    }

    private void moderate(UUID id, LocalDate today) {
        CaseAudit a = audits.find(id).orElseThrow();
        List<CaseAudit.DomainGrade> moderated = new ArrayList<>();
        for (int i = 0; i < a.grades().size(); i++) {
            CaseAudit.DomainGrade g = a.grades().get(i);
            // The moderator finds the assessment weaker than the auditor did in about a third.
            boolean lower = i == 2 && g.grade() == Grade.GOOD && Math.floorMod(a.id().hashCode(), 3) == 0;
            moderated.add(new CaseAudit.DomainGrade(
                    g.domain(),
                    g.grade(),
                    g.evidence(),
                    lower ? Grade.REQUIRES_IMPROVEMENT : null,
                    lower ? "The child's view of school is missing from the assessment." : null));
        }
        audits.advance(id, a.version(), AuditStage.MODERATION, AuditStage.DONE, today);
        audits.moderated(id, moderated, null, clock.instant());
    }

    private static Domain domain(String name, String question) {
        return new Domain(
                name,
                question,
                "Consistently strong practice that makes a clear difference for the child; others learn from it.",
                "Practice meets the standard: the child's needs are understood and work is on track.",
                "Some of the standard is met, but gaps leave the child's progress uncertain.",
                "The standard is not met: the child may be left at risk or without help that works.");
    }
}
