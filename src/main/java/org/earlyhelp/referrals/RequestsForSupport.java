package org.earlyhelp.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.Organisation;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.FamilyChangeRepository;
import org.earlyhelp.referrals.internal.JourneyRepository;
import org.earlyhelp.referrals.internal.JourneyRepository.FamilyRow;
import org.earlyhelp.referrals.internal.JourneyRepository.NewRequest;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.PlainText;
import org.earlyhelp.shared.Postcode;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for support: made by a practitioner of any partner organisation (or their system,
 * through the partner API), checked against families already known, routed to the hub that covers
 * the family's postcode, and followed by the referrer until decided.
 */
@Service
@EnableConfigurationProperties(ReferralsProperties.class)
public class RequestsForSupport {

    static final int MAX_TEXT = 4000;
    private static final int MAX_MEMBERS = 20;
    private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final JourneyRepository journey;
    private final FamilyChangeRepository changes;
    private final Access access;
    private final PostcodeLookup postcodes;
    private final HubDirectory hubs;
    private final WorkingCalendar calendar;
    private final ReferralsProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    RequestsForSupport(
            JourneyRepository journey,
            FamilyChangeRepository changes,
            Access access,
            PostcodeLookup postcodes,
            HubDirectory hubs,
            WorkingCalendar calendar,
            ReferralsProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.journey = journey;
        this.changes = changes;
        this.access = access;
        this.postcodes = postcodes;
        this.hubs = hubs;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Families already known that look like this one: a member with the same family name and date
     * of birth, or the same family name at the same postcode. Shown before saving, so that a
     * duplicate is linked rather than created; only what is needed to recognise a family is shown
     * (see {@link FamilyMatch}), and which families were shown is audited.
     */
    @Transactional
    public List<FamilyMatch> matches(List<FamilyMemberDraft> members, String postcode) {
        CurrentUser user = access.worker();
        List<String> names = familyNames(members);
        List<LocalDate> births = births(members);
        String normalised = normalisedPostcode(postcode);
        Map<UUID, FamilyMatch> found = new LinkedHashMap<>();
        Set<UUID> restricted = new LinkedHashSet<>();
        for (JourneyRepository.PersonMatch m : journey.matches(names, births, normalised)) {
            if (m.restricted()) {
                restricted.add(m.family());
                continue;
            }
            FamilyMatch match = found.computeIfAbsent(
                    m.family(),
                    id -> new FamilyMatch(
                            id, m.label(), hubName(new HubId(m.hubId())), m.openCase(), new ArrayList<>(), false));
            String line = initial(m.givenName()) + " " + m.familyName() + ", born "
                    + m.born().getYear();
            if (!match.matchedOn().contains(line)) {
                match.matchedOn().add(line);
            }
        }
        List<FamilyMatch> shown = new ArrayList<>(found.values());
        if (!restricted.isEmpty()) {
            shown.add(new FamilyMatch(null, "", "", false, List.of(), true));
        }
        if (!shown.isEmpty()) {
            audit.record(
                    AuditAction.SEARCH,
                    "family",
                    "matches",
                    null,
                    null,
                    "shown to " + user.username() + ": " + found.keySet()
                            + (restricted.isEmpty() ? "" : "; restricted, named only as known: " + restricted));
        }
        return List.copyOf(shown);
    }

    private static String initial(String givenName) {
        String name = givenName.strip();
        return name.isEmpty()
                ? ""
                : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".";
    }

    private static List<String> familyNames(List<FamilyMemberDraft> members) {
        return members.stream()
                .map(FamilyMemberDraft::familyName)
                .filter(n -> n != null && !n.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    }

    private static List<LocalDate> births(List<FamilyMemberDraft> members) {
        return members.stream()
                .map(FamilyMemberDraft::dateOfBirth)
                .filter(Objects::nonNull)
                .toList();
    }

    /** Makes a request for support from the portal. */
    @Transactional
    public Submitted submit(RequestDraft draft) {
        return submit(draft, "portal");
    }

    /**
     * Makes a request for support.
     *
     * @param source where it came from: {@code portal}, or {@code api:<client>} for a partner system
     * @throws ValidationException naming each field that is wrong; nothing is saved
     */
    @Transactional
    public Submitted submit(RequestDraft draft, String source) {
        CurrentUser user = access.worker();
        Placed placed = validate(draft);
        Instant now = clock.instant();
        Resolved resolved = familyFor(draft, placed, now, user);
        FamilyRow family = resolved.family();
        boolean reReferral = journey.lastClosure(family.id())
                .map(closed -> closed.isAfter(now.atZone(WorkingCalendar.LONDON)
                        .minusMonths(properties.reReferral())
                        .toInstant()))
                .orElse(false);
        Instant due = calendar.due(now, properties.decisionDays());
        UUID request = UUID.randomUUID();
        HubId hub = resolved.requestHub();
        saveRequest(request, family, placed, hub, user, source, now, due, draft, reReferral, false);
        askTheKnownFamiliesHubLead(resolved, request, draft, placed, user, now);
        audit.record(
                AuditAction.SUBMIT,
                "request",
                request.toString(),
                hub,
                null,
                "family " + family.id() + ", " + resolved.linking() + ", "
                        + draft.needs().size() + " needs, from " + source);
        events.publishEvent(new RequestSubmitted(
                request, family.id(), family.label(), hub, placed.area(), now, due, reReferral, false));
        return new Submitted(request, family.id(), hub, hubName(hub), due, reReferral, resolved.linking());
    }

    /**
     * Records a safeguarding concern instead of a request: the child may be at risk of significant
     * harm, so the practitioner contacts the front door now and the system records a step-up at
     * once, decided at level 4, so the hub and the board can see it happened.
     */
    @Transactional
    public UUID recordSafeguardingConcern(SafeguardingConcern concern) {
        CurrentUser user = access.worker();
        Map<String, Message> problems = new LinkedHashMap<>();
        String name = concern.childName().strip();
        if (name.isBlank() || name.length() > 200) {
            problems.put("childName", new Message("referrals.problem.childname.give-child-s-name"));
        }
        if (concern.worry().isBlank() || concern.worry().length() > MAX_TEXT) {
            problems.put("worry", new Message("referrals.problem.worry.say-briefly-what-worries-you", MAX_TEXT));
        }
        Placed placed = place(concern.postcode(), concern.chosenHub(), "chosen with a safeguarding concern", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant();
        String familyName = name.contains(" ") ? name.substring(name.lastIndexOf(' ') + 1) : name;
        FamilyRow family = new FamilyRow(
                UUID.randomUUID(),
                familyName + " family",
                "",
                placed.postcode(),
                placed.area(),
                placed.hub(),
                false,
                now,
                0);
        journey.insertFamily(family);
        UUID request = UUID.randomUUID();
        journey.insertRequest(new NewRequest(
                request,
                family.id(),
                placed.hub(),
                placed.hubReason(),
                user.username(),
                user.displayName(),
                organisationName(user),
                "portal",
                now,
                now,
                "",
                "",
                false,
                false,
                true,
                RequestStatus.AWAITING_DECISION));
        String reasons = (concern.frontDoorContacted()
                        ? "Front door contacted by the referrer. "
                        : "Referrer told to contact the front door now. ")
                + "Concern about " + name + ": " + concern.worry().strip();
        journey.decide(
                request,
                0,
                RequestStatus.STEPPED_UP,
                NeedLevel.SPECIALIST,
                DecisionOutcome.STEP_UP,
                reasons,
                user.displayName(),
                now);
        audit.record(AuditAction.SAFEGUARDING_CONCERN, "request", request.toString(), placed.hub(), null, null);
        events.publishEvent(new RequestSubmitted(
                request, family.id(), family.label(), placed.hub(), placed.area(), now, now, false, false));
        events.publishEvent(
                new RequestDecided(request, placed.hub(), now, NeedLevel.SPECIALIST, DecisionOutcome.STEP_UP));
        events.publishEvent(new SteppedUp(request, null, placed.hub(), now));
        return request;
    }

    /**
     * Receives a family stepped down from children's social care into early help: it arrives
     * decided at level 3, ready for a lead practitioner. Hub leads only.
     */
    @Transactional
    public Submitted stepDown(RequestDraft draft, String reasons) {
        CurrentUser user = access.worker();
        Map<String, Message> extra = new LinkedHashMap<>();
        if (reasons.isBlank() || reasons.length() > MAX_TEXT) {
            extra.put("reasons", new Message("referrals.problem.reasons.say-why-family-stepping-down"));
        }
        Placed placed;
        try {
            placed = validate(draft);
        } catch (ValidationException invalid) {
            extra.putAll(invalid.messages());
            throw new ValidationException(extra);
        }
        if (!extra.isEmpty()) {
            throw new ValidationException(extra);
        }
        if (!Access.leads(user, placed.hub())) {
            throw new AccessDeniedException("Only the hub's lead can receive a step-down into the hub");
        }
        Instant now = clock.instant();
        Resolved resolved = familyFor(draft, placed, now, user);
        FamilyRow family = resolved.family();
        UUID request = UUID.randomUUID();
        saveRequest(request, family, placed, placed.hub(), user, "step-down", now, now, draft, false, true);
        askTheKnownFamiliesHubLead(resolved, request, draft, placed, user, now);
        journey.decide(
                request,
                0,
                RequestStatus.AWAITING_ALLOCATION,
                NeedLevel.TARGETED,
                DecisionOutcome.EARLY_HELP,
                "Stepped down from children's social care: " + reasons.strip(),
                user.displayName(),
                now);
        audit.record(AuditAction.STEP_DOWN, "request", request.toString(), placed.hub(), null, null);
        events.publishEvent(new RequestSubmitted(
                request, family.id(), family.label(), placed.hub(), placed.area(), now, now, false, true));
        events.publishEvent(
                new RequestDecided(request, placed.hub(), now, NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP));
        return new Submitted(request, family.id(), placed.hub(), hubName(placed.hub()), now, false, resolved.linking());
    }

    /** The signed-in person's own requests, newest first: status and decision only. */
    @Transactional(readOnly = true)
    public List<RequestSummary> myRequests(int offset, int limit) {
        CurrentUser user = access.worker();
        return named(journey.requestsOf(user.username(), Math.max(0, offset), Math.min(Math.max(1, limit), 200)));
    }

    @Transactional(readOnly = true)
    public int countMyRequests() {
        return journey.countRequestsOf(access.worker().username());
    }

    /** One request's status, for its referrer or its hub's lead. */
    @Transactional
    public RequestSummary status(UUID request) {
        CurrentUser user = access.worker();
        RequestSummary summary = journey.request(request).orElseThrow(() -> access.unknown("request", request));
        boolean referrer =
                journey.referrerOf(request).map(user.username()::equals).orElse(false);
        if (!referrer && !Access.leads(user, summary.hub())) {
            // The same answer as for a request that does not exist: a crafted id learns nothing.
            throw access.refusal(AuditAction.VIEW_STATUS, "request", request, summary.hub(), "No such request");
        }
        audit.record(AuditAction.VIEW_STATUS, "request", request.toString(), summary.hub(), null, null);
        return named(summary);
    }

    /** Requests with their hubs' names, looked up once for the whole list. */
    List<RequestSummary> named(List<RequestSummary> list) {
        Map<HubId, String> names = new HashMap<>();
        for (Hub hub : hubs.hubs()) {
            names.put(hub.id(), hub.name());
        }
        return list.stream()
                .map(s -> named(s, names.getOrDefault(s.hub(), s.hub().value())))
                .toList();
    }

    RequestSummary named(RequestSummary s) {
        return named(s, hubName(s.hub()));
    }

    private static RequestSummary named(RequestSummary s, String hubName) {
        return new RequestSummary(
                s.id(),
                s.family(),
                s.familyLabel(),
                s.hub(),
                hubName,
                s.referrerName(),
                s.referrerOrganisation(),
                s.submittedAt(),
                s.decisionDue(),
                s.status(),
                s.level(),
                s.outcome(),
                s.reasons(),
                s.decidedAt(),
                s.leadName(),
                s.needs(),
                s.reReferral(),
                s.stepDown(),
                s.restricted(),
                s.version(),
                s.closedAs());
    }

    /** Saves a request for support with its needs and the family's consent. */
    private void saveRequest(
            UUID request,
            FamilyRow family,
            Placed placed,
            HubId hub,
            CurrentUser user,
            String source,
            Instant now,
            Instant due,
            RequestDraft draft,
            boolean reReferral,
            boolean stepDown) {
        journey.insertRequest(new NewRequest(
                request,
                family.id(),
                hub,
                placed.hubReason(),
                user.username(),
                user.displayName(),
                organisationName(user),
                source,
                now,
                due,
                draft.tried().strip(),
                draft.involved().strip(),
                reReferral,
                stepDown,
                false,
                RequestStatus.AWAITING_DECISION));
        draft.needs().forEach((area, text) -> journey.insertNeed(request, area, text.strip()));
        ConsentDraft consent = draft.consent();
        journey.insertConsent(
                family.id(),
                request,
                consent.givenBy().strip(),
                Objects.requireNonNull(consent.givenOn()),
                Objects.requireNonNull(consent.method()),
                consent.shareWith().strip(),
                user.displayName(),
                now);
    }

    // ---- validation and placing --------------------------------------------------------------

    /** Where a family lives, resolved to a hub. */
    private record Placed(
            String postcode,
            @Nullable String area,
            HubId hub,
            @Nullable String hubReason) {}

    private Placed validate(RequestDraft draft) {
        Map<String, Message> problems = new LinkedHashMap<>();
        LocalDate today = WorkingCalendar.today(clock);
        List<FamilyMemberDraft> members = draft.members();
        if (members.isEmpty()) {
            problems.put("members", new Message("referrals.problem.members.add-family-s-members-least"));
        } else if (members.size() > MAX_MEMBERS) {
            problems.put("members", new Message("referrals.problem.members.family-has-most-0-members", MAX_MEMBERS));
        } else if (members.stream()
                .noneMatch(m -> m.relationship() != null && m.relationship().isChild())) {
            problems.put("members", new Message("referrals.problem.members.add-least-one-child-early"));
        }
        for (int i = 0; i < members.size() && i < MAX_MEMBERS; i++) {
            FamilyMemberDraft m = members.get(i);
            String prefix = "members[" + i + "].";
            if (m.givenName() == null
                    || m.givenName().isBlank()
                    || m.givenName().length() > 100) {
                problems.put(prefix + "givenName", new Message("referrals.problem.field.give-first-name"));
            }
            if (m.familyName() == null
                    || m.familyName().isBlank()
                    || m.familyName().length() > 100) {
                problems.put(prefix + "familyName", new Message("referrals.problem.field.give-family-name"));
            }
            if (m.relationship() == null) {
                problems.put(
                        prefix + "relationship", new Message("referrals.problem.field.choose-how-they-are-related"));
            }
            LocalDate born = m.dateOfBirth();
            if (born == null) {
                problems.put(
                        prefix + "dateOfBirth", new Message("referrals.problem.field.give-date-birth-estimate-will"));
            } else if (born.isAfter(today)) {
                problems.put(prefix + "dateOfBirth", new Message("referrals.problem.field.date-birth-cannot-future"));
            } else if (m.relationship() != null
                    && m.relationship().isChild()
                    && Period.between(born, today).getYears() > 25) {
                problems.put(prefix + "dateOfBirth", new Message("referrals.problem.field.child-here-25-under-over"));
            } else if (Period.between(born, today).getYears() > 120) {
                problems.put(
                        prefix + "dateOfBirth", new Message("referrals.problem.field.check-date-birth-would-over"));
            }
        }
        if (draft.address().isBlank() || draft.address().length() > 300) {
            problems.put("address", new Message("referrals.problem.address.give-family-s-address-house"));
        }
        if (draft.needs().isEmpty()) {
            problems.put("needs", new Message("referrals.problem.needs.choose-least-one-need"));
        }
        for (Map.Entry<OutcomeArea, String> need : draft.needs().entrySet()) {
            String text = need.getValue();
            if (text == null || text.isBlank()) {
                problems.put(
                        "needs." + need.getKey().name(),
                        new Message("referrals.problem.field.describe-what-you-see-need"));
            } else if (text.length() > MAX_TEXT) {
                problems.put(
                        "needs." + need.getKey().name(),
                        new Message("referrals.problem.note.keep-under-0-characters", MAX_TEXT));
            }
        }
        if (draft.tried().length() > MAX_TEXT) {
            problems.put("tried", new Message("referrals.problem.note.keep-under-0-characters", MAX_TEXT));
        }
        if (draft.involved().length() > MAX_TEXT) {
            problems.put("involved", new Message("referrals.problem.note.keep-under-0-characters", MAX_TEXT));
        }
        ConsentDraft consent = draft.consent();
        if (consent.givenBy().isBlank() || consent.givenBy().length() > 200) {
            problems.put("consent.givenBy", new Message("referrals.problem.consent-givenby.say-who-gave-consent"));
        }
        if (consent.givenOn() == null) {
            problems.put(
                    "consent.givenOn", new Message("referrals.problem.consent-givenon.say-when-consent-was-given"));
        } else if (consent.givenOn().isAfter(today)) {
            problems.put(
                    "consent.givenOn", new Message("referrals.problem.consent-givenon.consent-cannot-given-future"));
        } else if (consent.givenOn().isBefore(today.minusYears(1))) {
            problems.put(
                    "consent.givenOn", new Message("referrals.problem.consent-givenon.consent-over-year-old-must"));
        }
        if (consent.method() == null) {
            problems.put("consent.method", new Message("referrals.problem.consent-method.say-how-consent-was-given"));
        }
        if (consent.shareWith().isBlank() || consent.shareWith().length() > 1000) {
            problems.put(
                    "consent.shareWith",
                    new Message("referrals.problem.consent-sharewith.say-who-family-agreed-information"));
        }
        if (draft.existingFamily() != null
                && journey.family(draft.existingFamily()).isEmpty()) {
            problems.put(
                    "existingFamily", new Message("referrals.problem.existingfamily.family-not-known-choose-again"));
        }
        Placed placed = place(draft.postcode(), draft.chosenHub(), draft.hubReason(), problems);
        Map<String, @Nullable String> texts = new LinkedHashMap<>();
        for (int i = 0; i < members.size() && i < MAX_MEMBERS; i++) {
            FamilyMemberDraft m = members.get(i);
            texts.put("members[" + i + "].givenName", m.givenName());
            texts.put("members[" + i + "].familyName", m.familyName());
            texts.put("members[" + i + "].sex", m.sex());
            texts.put("members[" + i + "].ethnicity", m.ethnicity());
        }
        texts.put("address", draft.address());
        texts.put("postcode", draft.postcode());
        texts.put("hubReason", draft.hubReason());
        draft.needs().forEach((area, text) -> texts.put("needs." + area.name(), text));
        texts.put("tried", draft.tried());
        texts.put("involved", draft.involved());
        texts.put("consent.givenBy", consent.givenBy());
        texts.put("consent.shareWith", consent.shareWith());
        PlainText.check(texts, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return placed;
    }

    /** The hub from the postcode, or the one chosen with a reason when the postcode gives none. */
    @SuppressWarnings("NullAway")
    private Placed place(
            String postcode, @Nullable HubId chosen, @Nullable String reason, Map<String, Message> problems) {
        PostcodeLookup.Result result = postcodes.lookup(postcode == null ? "" : postcode);
        switch (result) {
            case PostcodeLookup.Malformed malformed -> {
                problems.put("postcode", malformed.reason());
                return new Placed("", null, new HubId("unknown"), null);
            }
            case PostcodeLookup.Found found
            when found.hub().isPresent() -> {
                return new Placed(
                        found.postcode().value(), found.areaCode(), found.hub().get(), null);
            }
            case PostcodeLookup.Found found -> {
                return chosen(found.postcode().value(), found.areaCode(), chosen, reason, problems);
            }
            case PostcodeLookup.Unknown unknown -> {
                return chosen(unknown.postcode().value(), null, chosen, reason, problems);
            }
        }
    }

    private Placed chosen(
            String postcode,
            @Nullable String area,
            @Nullable HubId chosen,
            @Nullable String reason,
            Map<String, Message> problems) {
        if (chosen == null || hubs.hub(chosen).isEmpty()) {
            problems.put("hub", new Message("referrals.problem.hub.postcode-not-borough-s-lookup"));
            return new Placed(postcode, area, new HubId("unknown"), null);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            problems.put("hubReason", new Message("referrals.problem.hubreason.say-why-hub-example-school"));
        }
        return new Placed(postcode, area, chosen, reason == null ? null : reason.strip());
    }

    /**
     * The family a request is about, and what its hub lead must confirm.
     *
     * @param requestHub the hub that decides the request
     * @param linkTo known families whose hub lead is asked to link this one to theirs
     * @param moveOf a known family linked directly, whose new address its hub lead is asked to confirm
     */
    private record Resolved(
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
     * that is who asks. Families whose consent is withdrawn, named to the referrer only as "known",
     * are offered to their hub lead in the same way.
     */
    private Resolved familyFor(RequestDraft draft, Placed placed, Instant now, CurrentUser user) {
        UUID existing = draft.existingFamily();
        if (existing != null) {
            FamilyRow known = journey.family(existing).orElseThrow(() -> access.unknown("family", existing));
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
        FamilyRow created = newFamily(draft, placed, now);
        List<FamilyRow> restricted =
                journey.matches(familyNames(draft.members()), births(draft.members()), placed.postcode()).stream()
                        .filter(JourneyRepository.PersonMatch::restricted)
                        .map(JourneyRepository.PersonMatch::family)
                        .distinct()
                        .map(journey::family)
                        .flatMap(Optional::stream)
                        .toList();
        return new Resolved(
                created,
                placed.hub(),
                restricted.isEmpty() ? Submitted.Linking.NEW_FAMILY : Submitted.Linking.LINK_ASKED,
                restricted,
                null);
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
                    "from " + known.address() + ", " + known.postcode() + " to "
                            + draft.address().strip() + ", " + placed.postcode());
            moved = false;
        } else if (!changes.touchFamily(known.id(), known.version())) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
        }
        int position = journey.nextPosition(known.id());
        List<FamilyRecord.Member> already = journey.members(known.id());
        for (FamilyMemberDraft m : draft.members()) {
            boolean present = already.stream()
                    .anyMatch(a -> a.familyName()
                                    .equalsIgnoreCase(m.familyName().strip())
                            && a.givenName().equalsIgnoreCase(m.givenName().strip())
                            && a.dateOfBirth().equals(m.dateOfBirth()));
            if (!present) {
                journey.insertPerson(known.id(), member(m), position++);
            }
        }
        return new Resolved(
                known,
                known.hub(),
                moved ? Submitted.Linking.MOVE_ASKED : Submitted.Linking.LINKED,
                List.of(),
                moved ? known : null);
    }

    private void askTheKnownFamiliesHubLead(
            Resolved resolved, UUID request, RequestDraft draft, Placed placed, CurrentUser user, Instant now) {
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
                UUID.randomUUID(),
                first.familyName().strip() + " family",
                draft.address().strip(),
                placed.postcode(),
                placed.area(),
                placed.hub(),
                false,
                now,
                0);
        journey.insertFamily(family);
        int position = 0;
        for (FamilyMemberDraft m : draft.members()) {
            journey.insertPerson(family.id(), member(m), position++);
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

    private static String normalisedPostcode(String typed) {
        try {
            return Postcode.parse(typed).value();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private @Nullable String organisationName(CurrentUser user) {
        return user.organisation() == null
                ? null
                : hubs.organisation(user.organisation())
                        .map(Organisation::name)
                        .orElse(user.organisation().value());
    }

    String hubName(HubId hub) {
        return hubs.hub(hub).map(Hub::name).orElse(hub.value());
    }

    /** Whether this person may make requests at all (for menus). */
    public static boolean mayRequest(CurrentUser user) {
        return user.has(Role.PRACTITIONER) || user.has(Role.HUB_LEAD);
    }
}
