package org.earlyhelp.referrals.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.FamilyRecord;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.referrals.Supervision;
import org.earlyhelp.referrals.TimelineEntry;
import org.earlyhelp.referrals.internal.TimelineQuery.TimelineRow;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CaseRecordsElsewhere;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A subject access export: everything held about a family, as readable text. Who may ask, and the
 * audit of asking, are the calling service's.
 */
@Component
public class SubjectAccessExport {

    /** No limit: the law asks for everything held, so no part of a long record is left out. */
    static final int EVERY = Integer.MAX_VALUE;

    private final FamilyRepository families;
    private final RequestRepository requests;
    private final CaseRepository cases;
    private final CaseWorkRepository work;
    private final TimelineQuery timeline;
    private final SupervisionRepository supervisions;
    private final ObjectProvider<CaseRecordsElsewhere> elsewhere;

    SubjectAccessExport(
            FamilyRepository families,
            RequestRepository requests,
            CaseRepository cases,
            CaseWorkRepository work,
            TimelineQuery timeline,
            SupervisionRepository supervisions,
            ObjectProvider<CaseRecordsElsewhere> elsewhere) {
        this.families = families;
        this.requests = requests;
        this.cases = cases;
        this.work = work;
        this.timeline = timeline;
        this.supervisions = supervisions;
        this.elsewhere = elsewhere;
    }

    /**
     * The family's record, its cases (with their supervisions, and what other modules hold about
     * them, such as case file audits) and its timeline, as text.
     */
    public String write(FamilyRow f, String reason, Instant exported, Function<TimelineRow, TimelineEntry> entry) {
        StringBuilder out = new StringBuilder();
        out.append("Everything Early Help holds about the ").append(f.label()).append("\n");
        out.append("Exported ").append(exported).append(" for: ").append(reason).append("\n\n");
        out.append("Address: ")
                .append(f.address())
                .append(", ")
                .append(f.postcode())
                .append(" (hub ")
                .append(f.hub().value())
                .append(")\n")
                .append(f.restricted() ? "Consent withdrawn: the record is restricted.\n" : "")
                .append("\nPeople\n");
        for (FamilyRecord.Member m : families.members(f.id())) {
            out.append("- ")
                    .append(m.name())
                    .append(", born ")
                    .append(m.dateOfBirth())
                    .append(", ")
                    .append(m.relationship().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(m.sex() == null ? "" : ", sex: " + m.sex())
                    .append(m.ethnicity() == null ? "" : ", ethnicity: " + m.ethnicity())
                    .append("\n");
        }
        out.append("\nConsent\n");
        for (FamilyRecord.Consent c : families.consents(f.id())) {
            out.append("- Given by ")
                    .append(c.givenBy())
                    .append(" on ")
                    .append(c.givenOn())
                    .append(" (")
                    .append(c.method())
                    .append("), to share with: ")
                    .append(c.shareWith())
                    .append(c.withdrawn() ? "; withdrawn " + c.withdrawnAt() + ": " + c.withdrawnReason() : "")
                    .append("\n");
        }
        out.append("\nRequests for support\n");
        for (RequestSummary r : requests.requestsOfFamily(f.id())) {
            String[] narrative = requests.triedAndInvolved(r.id());
            out.append("- ")
                    .append(r.submittedAt())
                    .append(", from ")
                    .append(r.referrerName())
                    .append(r.referrerOrganisation() == null ? "" : " (" + r.referrerOrganisation() + ")")
                    .append(": ")
                    .append(r.status())
                    .append(r.reasons() == null ? "" : "; decided: " + r.reasons())
                    .append("\n");
            requests.needs(r.id())
                    .forEach((area, text) -> out.append("  - Need, ")
                            .append(area)
                            .append(": ")
                            .append(text)
                            .append("\n"));
            out.append("  - What had been tried: ")
                    .append(narrative[0])
                    .append("\n  - Who was involved: ")
                    .append(narrative[1])
                    .append("\n");
        }
        for (CaseRow c : cases.casesOfFamily(f.id())) {
            out.append("\nEarly help case led by ")
                    .append(c.leadName())
                    .append(" from ")
                    .append(c.allocatedAt())
                    .append("\n");
            for (CaseRecord.Assessment a : work.assessment(c.id())) {
                out.append("- Assessment, ")
                        .append(a.area())
                        .append(": strengths: ")
                        .append(a.strengths())
                        .append("; worries: ")
                        .append(a.worries())
                        .append("; the child says: ")
                        .append(a.childSays() == null ? "(not seen: " + a.childNotSeenReason() + ")" : a.childSays())
                        .append("; the parents say: ")
                        .append(a.parentsSay())
                        .append("\n");
            }
            for (CaseRecord.PlanOutcome o : work.plan(c.id())) {
                out.append("- Plan, ")
                        .append(o.area())
                        .append(": ")
                        .append(o.outcome())
                        .append("\n");
                for (CaseRecord.Action a : o.actions()) {
                    out.append("  - ")
                            .append(a.action())
                            .append(" (")
                            .append(a.owner())
                            .append(", by ")
                            .append(a.due())
                            .append(", ")
                            .append(a.status())
                            .append(")\n");
                }
            }
            for (CaseRecord.Review r : work.reviews(c.id())) {
                out.append("- Review on ")
                        .append(r.heldOn())
                        .append(" by ")
                        .append(r.heldBy())
                        .append(": ")
                        .append(r.notes())
                        .append("\n");
            }
            for (Supervision s : supervisions.of(c.id())) {
                out.append("- Supervision on ")
                        .append(s.heldOn())
                        .append(" by ")
                        .append(s.recordedBy())
                        .append(": discussed: ")
                        .append(s.discussion())
                        .append("; decided: ")
                        .append(s.decisions())
                        .append("; next by ")
                        .append(s.nextOn())
                        .append("\n");
            }
            elsewhere
                    .orderedStream()
                    .flatMap(e -> e.aboutCase(c.id().value()).stream())
                    .forEach(line -> out.append("- ").append(line).append("\n"));
            for (CaseRecord.Contact t : work.contacts(c.id(), EVERY)) {
                out.append("- ")
                        .append(t.on())
                        .append(", ")
                        .append(t.kind())
                        .append(" (")
                        .append(t.minutes())
                        .append(" min, ")
                        .append(t.loggedBy())
                        .append("): ")
                        .append(t.note())
                        .append(t.childViews() == null ? "" : "; the child said: " + t.childViews())
                        .append("\n");
            }
        }
        out.append("\nTimeline\n");
        for (TimelineRow r : timeline.timeline(f.id(), EVERY)) {
            TimelineEntry e = entry.apply(r);
            out.append("- ")
                    .append(
                            e.timeKnown()
                                    ? e.at().toString()
                                    : e.at().atZone(WorkingCalendar.LONDON).toLocalDate() + " (time not recorded)")
                    .append(": ")
                    .append(e.title())
                    .append(
                            e.detail() == null || e.detail().isBlank()
                                    ? ""
                                    : " (" + e.detail().replace('\n', ' ') + ")")
                    .append(e.by() == null ? "" : ", by " + e.by())
                    .append("\n");
        }
        return out.toString();
    }
}
