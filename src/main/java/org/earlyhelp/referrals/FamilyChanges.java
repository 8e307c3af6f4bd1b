package org.earlyhelp.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.FamilyChangeRepository;
import org.earlyhelp.referrals.internal.FamilyChangeRepository.ChangeRow;
import org.earlyhelp.referrals.internal.FamilyChangeRepository.Kind;
import org.earlyhelp.referrals.internal.FamilyRepository;
import org.earlyhelp.referrals.internal.FamilyRow;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Message;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a known family that its current hub lead confirms or declines: a request made for
 * what may be the same family by someone who may not read its record, or from another hub; and a
 * known family's move to a new address. Nothing changes a family until then, and every decision is
 * audited with the old and new values.
 */
@Service
public class FamilyChanges {

    /** The most changes the hub lead's list holds, the oldest. */
    public static final int MOST_LISTED = 200;

    private final FamilyChangeRepository changes;
    private final FamilyRepository families;
    private final Access access;
    private final HubDirectory hubs;
    private final ReferralsProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    FamilyChanges(
            FamilyChangeRepository changes,
            FamilyRepository families,
            Access access,
            HubDirectory hubs,
            ReferralsProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.changes = changes;
        this.families = families;
        this.access = access;
        this.hubs = hubs;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** One side of a change: a family as the hub lead compares it. */
    public record Side(
            String label, String address, String postcode, String hubName, List<FamilyRecord.Member> members) {}

    /**
     * A change waiting for the hub lead.
     *
     * @param link true: a new request's family may be this known family; false: the known family
     *     has a new address
     * @param proposed the new request's family as the referrer described it (for a link), or the
     *     known family at its new address (for a move)
     */
    public record Pending(
            UUID id,
            boolean link,
            FamilyId family,
            Side known,
            Side proposed,
            boolean changesHub,
            String requestedBy,
            Instant requestedAt,
            int version) {}

    /**
     * Changes waiting for the hub's lead, oldest first, at most {@link #MOST_LISTED}. Audited: it
     * shows families' details.
     */
    @Transactional
    public Listing<Pending> pending(HubId hub) {
        access.hubLead();
        access.hubLead(hub);
        Listing<ChangeRow> rows = Listing.of(changes.pending(hub, MOST_LISTED + 1), MOST_LISTED);
        List<Pending> pending = rows.items().stream()
                .map(this::pending)
                .flatMap(Optional::stream)
                .toList();
        if (!pending.isEmpty()) {
            audit.record(
                    AuditAction.VIEW,
                    "family-changes",
                    hub.value(),
                    hub,
                    null,
                    pending.stream().map(p -> p.family().toString()).toList().toString());
        }
        return new Listing<>(pending, rows.more());
    }

    /** How many changes wait for the hub's lead. */
    @Transactional(readOnly = true)
    public int countPending(HubId hub) {
        access.hubLead();
        access.hubLead(hub);
        return changes.countPending(hub);
    }

    private Optional<Pending> pending(ChangeRow c) {
        Optional<FamilyRow> known = families.family(c.family());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        FamilyRow k = known.get();
        Side knownSide = new Side(k.label(), k.address(), k.postcode(), hubName(k.hub()), families.members(k.id()));
        Side proposed;
        if (c.kind() == Kind.LINK) {
            FamilyId proposedFamily = c.proposedFamily();
            Optional<FamilyRow> other = proposedFamily == null ? Optional.empty() : families.family(proposedFamily);
            if (other.isEmpty()) {
                return Optional.empty();
            }
            proposed = new Side(
                    other.get().label(),
                    c.newAddress(),
                    c.newPostcode(),
                    hubName(c.newHub()),
                    families.members(other.get().id()));
        } else {
            proposed = new Side(k.label(), c.newAddress(), c.newPostcode(), hubName(c.newHub()), knownSide.members());
        }
        return Optional.of(new Pending(
                c.id(),
                c.kind() == Kind.LINK,
                k.id(),
                knownSide,
                proposed,
                !c.newHub().equals(k.hub()),
                c.requestedName(),
                c.requestedAt(),
                c.version()));
    }

    /**
     * The hub lead's decision. For a link: {@code confirm} means it is the same family, now living
     * at the new address: the new request's family joins the known one, which moves there (and to
     * that hub, if it differs). For a move: the family moves. Declining changes nothing.
     *
     * @throws ChangedBySomeoneElseException when someone decided it, or changed the family, meanwhile
     */
    @Transactional
    public void decide(UUID change, int version, boolean confirm) {
        access.hubLead();
        ChangeRow c = changes.find(change).orElseThrow(() -> access.unknown("family-change", change));
        CurrentUser user = access.hubLead(c.hub());
        FamilyRow known = families.family(c.family()).orElseThrow(() -> access.unknown("family", c.family()));
        if (!known.hub().equals(c.hub())) {
            // The family moved since: its new hub's lead decides now.
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
        }
        Instant now = clock.instant();
        String decision = !confirm ? "DECLINED" : c.kind() == Kind.LINK ? "LINKED_AND_MOVED" : "MOVED";
        if (!changes.decide(change, version, confirm ? "CONFIRMED" : "DECLINED", decision, user.username(), now)) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.change"));
        }
        String oldAndNew = movedForTheTrail(known.hub(), c.newHub());
        if (!confirm) {
            audit.record(
                    c.kind() == Kind.LINK ? AuditAction.DECLINE_LINK : AuditAction.DECLINE_MOVE,
                    "family",
                    known.id().toString(),
                    known.hub(),
                    null,
                    oldAndNew);
            return;
        }
        if (!changes.moveFamily(
                known.id(), known.version(), c.newAddress(), c.newPostcode(), c.newArea(), c.newHub())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
        }
        if (c.kind() == Kind.LINK && c.proposedFamily() != null) {
            FamilyId from = c.proposedFamily();
            List<RequestId> moved = changes.merge(from, known.id());
            List<RequestId> reReferrals = changes.markReReferrals(known.id(), moved, properties.reReferral());
            audit.record(
                    AuditAction.LINK_FAMILY,
                    "family",
                    known.id().toString(),
                    known.hub(),
                    null,
                    "joined by family " + from + " (requests " + moved + "), moved " + oldAndNew);
            events.publishEvent(new FamiliesLinked(from, known.id(), known.label(), reReferrals, now));
        } else {
            audit.record(AuditAction.MOVE_FAMILY, "family", known.id().toString(), known.hub(), null, oldAndNew);
        }
    }

    private String hubName(@Nullable HubId hub) {
        return hub == null ? "" : hubs.nameOf(hub);
    }

    /**
     * A move as the audit trail keeps it: hubs, not addresses. The trail is never erased; the
     * addresses stay with the change and the family's record, where erasure reaches them.
     */
    static String movedForTheTrail(HubId from, HubId to) {
        return "address changed, from hub " + from.value() + " to hub " + to.value();
    }
}
