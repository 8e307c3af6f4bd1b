package org.earlyhelp.quality.internal;

import java.time.Clock;
import java.util.List;
import org.earlyhelp.quality.AuditFramework.Domain;
import org.earlyhelp.quality.AuditFramework.Version;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A first version of the audit framework for the demonstration, in the domains councils commonly
 * audit against, for an administrator to change. Off with {@code earlyhelp.demo.journeys=false}.
 */
@Component
class QualityDemonstrationData implements DemonstrationData {

    private final FrameworkRepository repository;
    private final Clock clock;
    private final boolean enabled;

    QualityDemonstrationData(
            FrameworkRepository repository, Clock clock, @Value("${earlyhelp.demo.journeys:true}") boolean enabled) {
        this.repository = repository;
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
