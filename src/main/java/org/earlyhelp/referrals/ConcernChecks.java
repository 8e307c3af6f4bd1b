package org.earlyhelp.referrals;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.ConcernCheckRepository;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safeguarding concerns recorded through the request form's shutter, until a lead of their hub has
 * checked with the front door that it has each one. A concern is recorded as a step-up, decided at
 * once, so it never waits in the hub's queue: without this list nobody but its referrer would know
 * of it. Step-ups to children's social care wait here too, a hub's decision or an open case's: from
 * then on nobody in early help works with the family, so a lead of the hub makes sure the front
 * door has it. Its hub's leads only; each read of the list is audited with the concerns and
 * families it showed, each check with what was done.
 */
@Service
public class ConcernChecks {

    /** The most concerns {@link #waiting} lists; the list says when more wait. */
    public static final int MOST_LISTED = 200;

    /** The longest note of a check. */
    public static final int MAX_NOTE = 2_000;

    private final ConcernCheckRepository checks;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    ConcernChecks(ConcernCheckRepository checks, Access access, AuditTrail audit, Clock clock) {
        this.checks = checks;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The hub's concerns nobody has checked yet, the longest waiting first. The hub's leads. */
    @Transactional
    public Listing<ConcernToCheck> waiting(HubId hub) {
        access.hubLead(hub);
        Listing<ConcernToCheck> waiting = Listing.of(checks.waiting(hub, MOST_LISTED + 1), MOST_LISTED);
        if (!waiting.isEmpty()) {
            audit.record(
                    AuditAction.VIEW,
                    "safeguarding-concerns",
                    hub.value(),
                    hub,
                    null,
                    "concerns "
                            + waiting.items().stream()
                                    .map(c -> c.request() + " (family " + c.family() + ")")
                                    .toList());
        }
        return waiting;
    }

    /** How many of the hub's concerns nobody has checked yet, all of them. The hub's leads. */
    @Transactional(readOnly = true)
    public int countWaiting(HubId hub) {
        access.hubLead(hub);
        return checks.countWaiting(List.of(hub));
    }

    /**
     * Records that a lead of the concern's hub has checked with the front door that it has the
     * concern, and how ({@code note}: whom they spoke to, the front door's reference, what happens
     * next). The concern then leaves the list; the check is on the family's timeline.
     *
     * @throws ValidationException when the note is missing or too long
     * @throws ChangedBySomeoneElseException when someone checked it meanwhile
     */
    @Transactional
    public void check(RequestId request, int version, String note) {
        access.hubLead();
        ConcernToCheck concern =
                checks.find(request).orElseThrow(() -> access.unknown("safeguarding-concern", request));
        CurrentUser user = access.hubLead(concern.hub());
        String said = note.strip();
        if (said.isEmpty() || said.length() > MAX_NOTE) {
            throw new ValidationException(
                    Map.of("note", new Message("referrals.problem.note.say-how-the-front-door-has-it", MAX_NOTE)));
        }
        if (!checks.check(request, version, user.username(), user.displayName(), said, clock.instant())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.concern"));
        }
        audit.record(
                AuditAction.CHECK_CONCERN,
                "request",
                request.toString(),
                concern.hub(),
                null,
                "family " + concern.family() + ", checked with the front door");
    }
}
