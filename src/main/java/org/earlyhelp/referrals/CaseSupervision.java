package org.earlyhelp.referrals;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.CaseRepository;
import org.earlyhelp.referrals.internal.CaseRow;
import org.earlyhelp.referrals.internal.FamilyRepository;
import org.earlyhelp.referrals.internal.FamilyRow;
import org.earlyhelp.referrals.internal.SupervisionRepository;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Management oversight: the hub lead records each case's supervision (the date, what was
 * discussed, what was decided, the next date). A case not supervised for
 * {@code earlyhelp.referrals.oversight-weeks} (six by default) is on the drift list. Those who
 * read the case read its supervisions, and every read is audited.
 */
@Service
public class CaseSupervision {

    /** The furthest ahead the next supervision may be set. */
    static final int MOST_WEEKS_AHEAD = 26;

    private final CaseRepository cases;
    private final FamilyRepository families;
    private final SupervisionRepository supervisions;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    CaseSupervision(
            CaseRepository cases,
            FamilyRepository families,
            SupervisionRepository supervisions,
            Access access,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.cases = cases;
        this.families = families;
        this.supervisions = supervisions;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A supervision as the hub lead writes it down. */
    public record Draft(
            @Nullable LocalDate heldOn,
            @Nullable String discussion,
            @Nullable String decisions,
            @Nullable LocalDate nextOn) {}

    /** The case's supervisions, the latest first: for whoever may read the case. Audited. */
    @Transactional
    public List<Supervision> of(CaseId caseId) {
        CurrentUser user = access.worker();
        CaseRow c = row(caseId);
        access.requireCase(user, c, family(c));
        List<Supervision> found = supervisions.of(caseId);
        audit.record(AuditAction.VIEW, "case-supervision", caseId.toString(), c.hub(), null, found.size() + " records");
        return found;
    }

    /**
     * Records a supervision of an open case. Only the lead of the case's hub (or of the family's
     * hub) may: refusals are audited. Nothing is saved unless every field is right.
     */
    @Transactional
    public UUID record(CaseId caseId, Draft draft) {
        CurrentUser user = access.worker();
        CaseRow c = row(caseId);
        access.requireHubLeadOf(user, c, family(c).hub());
        if (c.closedAt() != null) {
            throw new ValidationException(
                    Map.of("case", new Message("referrals.problem.case.family-s-early-help-has")));
        }
        LocalDate today = WorkingCalendar.today(clock);
        LocalDate allocated = c.allocatedAt().atZone(WorkingCalendar.LONDON).toLocalDate();
        Map<String, Message> problems = new LinkedHashMap<>();
        LocalDate heldOn = draft.heldOn();
        if (heldOn == null) {
            problems.put("heldOn", new Message("referrals.supervision.problem.held-on"));
        } else if (heldOn.isAfter(today)) {
            problems.put("heldOn", new Message("referrals.supervision.problem.held-on-future"));
        } else if (heldOn.isBefore(allocated)) {
            problems.put("heldOn", new Message("referrals.supervision.problem.held-on-before-allocation"));
        }
        text(draft.discussion(), "discussion", problems);
        text(draft.decisions(), "decisions", problems);
        LocalDate nextOn = draft.nextOn();
        if (nextOn == null) {
            problems.put("nextOn", new Message("referrals.supervision.problem.next-on"));
        } else if (heldOn != null && !nextOn.isAfter(heldOn)) {
            problems.put("nextOn", new Message("referrals.supervision.problem.next-on-after"));
        } else if (nextOn.isAfter((heldOn == null ? today : heldOn).plusWeeks(MOST_WEEKS_AHEAD))) {
            problems.put("nextOn", new Message("referrals.supervision.problem.next-on-too-far", MOST_WEEKS_AHEAD));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Supervision s = new Supervision(
                UUID.randomUUID(),
                caseId,
                requireNonNull(heldOn),
                requireNonNull(draft.discussion()).strip(),
                requireNonNull(draft.decisions()).strip(),
                requireNonNull(nextOn),
                user.displayName(),
                clock.instant());
        supervisions.insert(s);
        audit.record(
                AuditAction.SUPERVISE, "case", caseId.toString(), c.hub(), null, "held " + heldOn + ", next " + nextOn);
        events.publishEvent(new CaseSupervised(s.id(), caseId, c.hub(), heldOn, s.recordedAt()));
        return s.id();
    }

    private static void text(@Nullable String value, String field, Map<String, Message> problems) {
        if (value == null || value.isBlank()) {
            problems.put(field, new Message("referrals.supervision.problem." + field));
        } else if (value.length() > RequestsForSupport.MAX_TEXT) {
            problems.put(
                    field, new Message("referrals.problem.note.keep-under-0-characters", RequestsForSupport.MAX_TEXT));
        }
    }

    private CaseRow row(CaseId id) {
        return cases.caseRow(id).orElseThrow(() -> access.unknown("case", id));
    }

    private FamilyRow family(CaseRow c) {
        return families.family(c.family()).orElseThrow(() -> new AccessDeniedException("No such case"));
    }
}
