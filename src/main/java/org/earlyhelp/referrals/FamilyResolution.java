package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.referrals.HubPlacing.Placed;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.FamilyChangeRepository;
import org.earlyhelp.referrals.internal.FamilyRepository;
import org.earlyhelp.referrals.internal.FamilyRow;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Postcode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which family a request is about: the families already known that look like it, and whether the
 * request joins one of them, asks its hub lead to link or move it, or makes a new family. Part of
 * {@link RequestsForSupport}, which checks who may ask and saves the request in the same
 * transaction.
 */
@Component
class FamilyResolution {

    private final FamilyRepository families;
    private final FamilyChangeRepository changes;
    private final Access access;
    private final HubDirectory hubs;
    private final AuditTrail audit;

    FamilyResolution(
            FamilyRepository families,
            FamilyChangeRepository changes,
            Access access,
            HubDirectory hubs,
            AuditTrail audit) {
        this.families = families;
        this.changes = changes;
        this.access = access;
        this.hubs = hubs;
        this.audit = audit;
    }

    /**
     * Families already known that look like this one and that the person may read now: a member
     * with the same family name and date of birth, or the same family name at the same postcode.
     * Shown before saving, so that a duplicate is linked rather than created; only what is needed
     * to recognise a family is shown (see {@link FamilyMatch}), and which families were shown is
     * audited. A family the person does not work with, or whose consent is withdrawn, is not shown
     * at all, not even as "known": that it is known to early help is the family's business. Its
     * hub lead is asked instead when the request is sent ({@link #familyFor}).
     */
    List<FamilyMatch> matches(CurrentUser user, List<FamilyMemberDraft> members, String postcode) {
        List<String> names = familyNames(members);
        List<LocalDate> births = births(members);
        String normalised = normalisedPostcode(postcode);
        Map<FamilyId, FamilyMatch> found = new LinkedHashMap<>();
        Set<FamilyId> unseen = new LinkedHashSet<>();
        for (FamilyRepository.PersonMatch m : families.matches(names, births, normalised)) {
            if (unseen.contains(m.family())
                    || (!found.containsKey(m.family()) && !mayBeShown(user, m.family(), m.restricted()))) {
                unseen.add(m.family());
                continue;
            }
            FamilyMatch match = found.computeIfAbsent(
                    m.family(),
                    id -> new FamilyMatch(
                            id, m.label(), hubName(new HubId(m.hubId())), m.openCase(), new ArrayList<>()));
            String line = initial(m.givenName()) + " " + m.familyName() + ", born "
                    + m.born().getYear();
            if (!match.matchedOn().contains(line)) {
                match.matchedOn().add(line);
            }
        }
        if (!found.isEmpty()) {
            audit.record(
                    AuditAction.SEARCH,
                    "family",
                    "matches",
                    null,
                    null,
                    "shown to " + user.username() + ": " + found.keySet());
        }
        return List.copyOf(found.values());
    }

    /** A known family is offered for linking only to someone who may read it, and never when restricted. */
    private boolean mayBeShown(CurrentUser user, FamilyId family, boolean restricted) {
        return !restricted
                && families.family(family).filter(f -> access.mayRead(user, f)).isPresent();
    }

    private static String initial(String givenName) {
        String name = givenName.strip();
        return name.isEmpty()
                ? ""
                : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".";
    }

    /**
     * The family a request is about, and what its hub lead must confirm.
     *
     * @param requestHub the hub that decides the request
     * @param linkTo known families whose hub lead is asked to link this one to theirs
     * @param moveOf a known family linked directly, whose new address its hub lead is asked to confirm
     */
    record Resolved(
            FamilyRow family,
            HubId requestHub,
            Submitted.Linking linking,
            List<FamilyRow> linkTo,
            @Nullable FamilyRow moveOf) {}

    /**
     * Finds or makes the family. Linking never widens anybody's access and never moves a family
     * silently: a known family is joined directly only by someone who may read it, from its own
     * hub; otherwise the request's family is saved as new and the known family's current hub lead
     * is asked to link the two. A new address for a known family waits for its hub lead, unless
     * that is who asks. Known families the referrer was not shown (they do not work with them, or
     * their consent is withdrawn) are offered to their hub lead in the same way, without the
     * referrer being told.
     */
    Resolved familyFor(RequestDraft draft, Placed placed, Instant now, CurrentUser user) {
        FamilyId existing = draft.existingFamily();
        if (existing != null) {
            FamilyRow known = families.family(existing).orElseThrow(() -> access.unknown("family", existing));
            if (known.hub().equals(placed.hub()) && access.mayRead(user, known)) {
                return linkDirectly(known, draft, placed, now, user);
            }
            audit.record(
                    AuditAction.ASK_LINK,
                    "family",
                    known.id().toString(),
                    known.hub(),
                    null,
                    "asked by " + user.username() + " from hub " + placed.hub().value());
            return new Resolved(
                    newFamily(draft, placed, now), placed.hub(), Submitted.Linking.LINK_ASKED, List.of(known), null);
        }
        // The known families the person was not shown that have one of the request's people (the
        // same first name, family name and date of birth), looked for before the new family is
        // saved, which would match itself: each one's hub lead is asked to link it. A family that
        // only shares a surname at the postcode is not asked about: neighbours and relatives
        // would otherwise fill the hub lead's list. Nor is a family that is itself waiting to be
        // linked: the family it waits for is asked about, so a family sent again and again makes
        // one question each time, not one for every earlier copy. The person is told only that
        // the family is new, as for any family nobody knew.
        List<FamilyRow> unseen =
                families.matches(familyNames(draft.members()), births(draft.members()), placed.postcode()).stream()
                        .filter(m -> !m.waitingToBeLinked())
                        .filter(m -> draft.members().stream().anyMatch(d -> samePerson(d, m)))
                        .map(FamilyRepository.PersonMatch::family)
                        .distinct()
                        .map(families::family)
                        .flatMap(Optional::stream)
                        .filter(f -> f.restricted() || !access.mayRead(user, f))
                        .toList();
        FamilyRow created = newFamily(draft, placed, now);
        return new Resolved(created, placed.hub(), Submitted.Linking.NEW_FAMILY, unseen, null);
    }

    private static boolean samePerson(FamilyMemberDraft drafted, FamilyRepository.PersonMatch known) {
        return drafted.givenName().strip().equalsIgnoreCase(known.givenName().strip())
                && drafted.familyName()
                        .strip()
                        .equalsIgnoreCase(known.familyName().strip())
                && known.born().equals(drafted.dateOfBirth());
    }

    private Resolved linkDirectly(FamilyRow known, RequestDraft draft, Placed placed, Instant now, CurrentUser user) {
        boolean moved = !sameAddress(known, draft.address(), placed.postcode());
        if (moved && Access.leads(user, known.hub())) {
            if (!changes.moveFamily(
                    known.id(),
                    known.version(),
                    draft.address().strip(),
                    placed.postcode(),
                    placed.area(),
                    placed.hub())) {
                throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
            }
            audit.record(
                    AuditAction.MOVE_FAMILY,
                    "family",
                    known.id().toString(),
                    known.hub(),
                    null,
                    FamilyChanges.movedForTheTrail(known.hub(), placed.hub()));
            moved = false;
        } else if (!changes.touchFamily(known.id(), known.version())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
        }
        int position = families.nextPosition(known.id());
        List<FamilyRecord.Member> already = families.members(known.id());
        for (FamilyMemberDraft m : draft.members()) {
            boolean present = already.stream()
                    .anyMatch(a -> a.familyName()
                                    .equalsIgnoreCase(m.familyName().strip())
                            && a.givenName().equalsIgnoreCase(m.givenName().strip())
                            && a.dateOfBirth().equals(m.dateOfBirth()));
            if (!present) {
                families.insertPerson(known.id(), member(m), position++);
            }
        }
        return new Resolved(
                known,
                known.hub(),
                moved ? Submitted.Linking.MOVE_ASKED : Submitted.Linking.LINKED,
                List.of(),
                moved ? known : null);
    }

    void askTheKnownFamiliesHubLead(
            Resolved resolved, RequestId request, RequestDraft draft, Placed placed, CurrentUser user, Instant now) {
        for (FamilyRow known : resolved.linkTo()) {
            changes.insert(
                    FamilyChangeRepository.Kind.LINK,
                    known,
                    resolved.family().id(),
                    request,
                    draft.address().strip(),
                    placed.postcode(),
                    placed.area(),
                    placed.hub(),
                    user.username(),
                    user.displayName(),
                    now);
        }
        FamilyRow moving = resolved.moveOf();
        if (moving != null) {
            changes.insert(
                    FamilyChangeRepository.Kind.MOVE,
                    moving,
                    null,
                    request,
                    draft.address().strip(),
                    placed.postcode(),
                    placed.area(),
                    placed.hub(),
                    user.username(),
                    user.displayName(),
                    now);
        }
    }

    private static boolean sameAddress(FamilyRow known, String address, String postcode) {
        return simplified(known.address()).equals(simplified(address))
                && known.postcode().equals(postcode);
    }

    private static String simplified(String address) {
        return address.strip().replaceAll("[\\s,]+", " ").toLowerCase(Locale.ROOT);
    }

    private FamilyRow newFamily(RequestDraft draft, Placed placed, Instant now) {
        FamilyMemberDraft first = draft.members().stream()
                .filter(m -> m.relationship() != null && !m.relationship().isChild())
                .findFirst()
                .orElse(draft.members().getFirst());
        FamilyRow family = new FamilyRow(
                FamilyId.random(),
                first.familyName().strip() + " family",
                draft.address().strip(),
                placed.postcode(),
                placed.area(),
                placed.hub(),
                false,
                now,
                0);
        families.insertFamily(family);
        int position = 0;
        for (FamilyMemberDraft m : draft.members()) {
            families.insertPerson(family.id(), member(m), position++);
        }
        return family;
    }

    private static FamilyRecord.Member member(FamilyMemberDraft m) {
        return new FamilyRecord.Member(
                UUID.randomUUID(),
                m.givenName().strip(),
                m.familyName().strip(),
                Objects.requireNonNull(m.dateOfBirth()),
                Objects.requireNonNull(m.relationship()),
                blankToNull(m.sex()),
                blankToNull(m.ethnicity()));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> familyNames(List<FamilyMemberDraft> members) {
        return members.stream()
                .map(FamilyMemberDraft::familyName)
                .filter(n -> n != null && !n.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    }

    static List<LocalDate> births(List<FamilyMemberDraft> members) {
        return members.stream()
                .map(FamilyMemberDraft::dateOfBirth)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String normalisedPostcode(String typed) {
        try {
            return Postcode.parse(typed).value();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private String hubName(HubId hub) {
        return hubs.nameOf(hub);
    }
}
