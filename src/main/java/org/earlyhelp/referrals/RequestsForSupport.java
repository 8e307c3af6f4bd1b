package org.earlyhelp.referrals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.Organisation;
import org.earlyhelp.referrals.FamilyResolution.Resolved;
import org.earlyhelp.referrals.HubPlacing.Placed;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.ConcernCheckRepository;
import org.earlyhelp.referrals.internal.FamilyRepository;
import org.earlyhelp.referrals.internal.FamilyRow;
import org.earlyhelp.referrals.internal.RequestRepository;
import org.earlyhelp.referrals.internal.RequestRepository.NewRequest;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
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

    static final int MAX_TEXT = RequestDraftCheck.MAX_TEXT;

    private final FamilyRepository families;
    private final ConcernCheckRepository concerns;
    private final RequestRepository requests;
    private final FamilyResolution resolution;
    private final HubPlacing placing;
    private final Access access;
    private final HubDirectory hubs;
    private final WorkingCalendar calendar;
    private final ReferralsProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    RequestsForSupport(
            FamilyRepository families,
            RequestRepository requests,
            FamilyResolution resolution,
            HubPlacing placing,
            Access access,
            HubDirectory hubs,
            WorkingCalendar calendar,
            ReferralsProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock,
            ConcernCheckRepository concerns) {
        this.families = families;
        this.requests = requests;
        this.resolution = resolution;
        this.placing = placing;
        this.access = access;
        this.hubs = hubs;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.concerns = concerns;
    }

    /**
     * Families already known that look like this one: a member with the same family name and date
     * of birth, or the same family name at the same postcode. Shown before saving, so that a
     * duplicate is linked rather than created; only what is needed to recognise a family is shown
     * (see {@link FamilyMatch}), and which families were shown is audited.
     */
    @Transactional
    public List<FamilyMatch> matches(List<FamilyMemberDraft> members, String postcode) {
        return resolution.matches(access.worker(), members, postcode);
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
        Resolved resolved = resolution.familyFor(draft, placed, now, user);
        FamilyRow family = resolved.family();
        boolean reReferral = JourneyRules.isReReferral(families.lastClosure(family.id()), now, properties.reReferral());
        Instant due = calendar.due(now, properties.decisionDays());
        RequestId request = RequestId.random();
        HubId hub = resolved.requestHub();
        SupportRequest arrived = SupportRequest.arrive(
                request, family.id(), family.label(), hub, placed.area(), now, due, reReferral, false);
        saveRequest(request, family, placed, hub, user, source, now, due, draft, reReferral, false);
        resolution.askTheKnownFamiliesHubLead(resolved, request, draft, placed, user, now);
        audit.record(
                AuditAction.SUBMIT,
                "request",
                request.toString(),
                hub,
                null,
                "family " + family.id() + ", " + resolved.linking() + linkAsked(resolved) + ", "
                        + draft.needs().size() + " needs, from " + source);
        arrived.events().forEach(events::publishEvent);
        return new Submitted(request, family.id(), hub, hubName(hub), due, reReferral, resolved.linking());
    }

    /**
     * Records a safeguarding concern instead of a request: the child may be at risk of significant
     * harm, so the practitioner contacts the front door now and the system records a step-up at
     * once, decided at level 4, so the hub and the board can see it happened.
     */
    @Transactional
    public RequestId recordSafeguardingConcern(SafeguardingConcern concern) {
        CurrentUser user = access.worker();
        Map<String, Message> problems = new LinkedHashMap<>();
        String name = concern.childName().strip();
        if (name.isBlank() || name.length() > 200) {
            problems.put("childName", new Message("referrals.problem.childname.give-child-s-name"));
        }
        if (concern.worry().isBlank() || concern.worry().length() > MAX_TEXT) {
            problems.put("worry", new Message("referrals.problem.worry.say-briefly-what-worries-you", MAX_TEXT));
        }
        Placed placed =
                placing.place(concern.postcode(), concern.chosenHub(), "chosen with a safeguarding concern", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant();
        String familyName = name.contains(" ") ? name.substring(name.lastIndexOf(' ') + 1) : name;
        FamilyRow family = new FamilyRow(
                FamilyId.random(),
                familyName + " family",
                "",
                placed.postcode(),
                placed.area(),
                placed.hub(),
                false,
                now,
                0);
        families.insertFamily(family);
        RequestId request = RequestId.random();
        requests.insertRequest(new NewRequest(
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
        SupportRequest arrived = SupportRequest.arrive(
                request, family.id(), family.label(), placed.hub(), placed.area(), now, now, false, false);
        arrived.decideOnArrival(NeedLevel.SPECIALIST, DecisionOutcome.STEP_UP, now);
        requests.decide(
                request,
                0,
                arrived.status(),
                NeedLevel.SPECIALIST,
                DecisionOutcome.STEP_UP,
                reasons,
                user.displayName(),
                now);
        // Decided at once, so it never waits in the hub's queue: it waits to be checked instead.
        concerns.insert(request, concern.frontDoorContacted(), now);
        audit.record(AuditAction.SAFEGUARDING_CONCERN, "request", request.toString(), placed.hub(), null, null);
        arrived.events().forEach(events::publishEvent);
        events.publishEvent(new SafeguardingConcernRecorded(request, placed.hub(), concern.frontDoorContacted(), now));
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
        Resolved resolved = resolution.familyFor(draft, placed, now, user);
        FamilyRow family = resolved.family();
        RequestId request = RequestId.random();
        saveRequest(request, family, placed, placed.hub(), user, "step-down", now, now, draft, false, true);
        resolution.askTheKnownFamiliesHubLead(resolved, request, draft, placed, user, now);
        String decision = "Stepped down from children's social care: " + reasons.strip();
        SupportRequest arrived = SupportRequest.arrive(
                request, family.id(), family.label(), placed.hub(), placed.area(), now, now, false, true);
        arrived.decideOnArrival(NeedLevel.TARGETED, DecisionOutcome.EARLY_HELP, now);
        requests.decide(
                request,
                0,
                arrived.status(),
                NeedLevel.TARGETED,
                DecisionOutcome.EARLY_HELP,
                decision,
                user.displayName(),
                now);
        audit.record(AuditAction.STEP_DOWN, "request", request.toString(), placed.hub(), null, null);
        arrived.events().forEach(events::publishEvent);
        return new Submitted(request, family.id(), placed.hub(), hubName(placed.hub()), now, false, resolved.linking());
    }

    /**
     * One request's status, for its referrer or its hub's lead; its referrer sees why it was
     * decided so and who leads only for a while ({@link RequestSummary#asItsReferrerSeesIt}); their
     * list of them is {@link MyRequests}.
     */
    @Transactional
    public RequestSummary status(RequestId request) {
        CurrentUser user = access.worker();
        RequestSummary summary = requests.request(request).orElseThrow(() -> access.unknown("request", request));
        boolean referrer =
                requests.referrerOf(request).map(user.username()::equals).orElse(false);
        if (!referrer && !Access.leads(user, summary.hub())) {
            // The same answer as for a request that does not exist: a crafted id learns nothing.
            throw access.refusal(AuditAction.VIEW_STATUS, "request", request, summary.hub(), "No such request");
        }
        audit.record(AuditAction.VIEW_STATUS, "request", request.toString(), summary.hub(), null, null);
        return Access.leads(user, summary.hub())
                ? named(summary)
                : named(summary).asItsReferrerSeesIt(clock.instant(), referrerSeesDetailsFor());
    }

    /** How long after a decision its referrer sees why and who leads. */
    Duration referrerSeesDetailsFor() {
        return Duration.ofDays(properties.referrerDetails());
    }

    /** Requests with their hubs' names, looked up once for the whole list. */
    List<RequestSummary> named(List<RequestSummary> list) {
        Map<HubId, String> names = new HashMap<>();
        for (Hub hub : hubs.hubs()) {
            names.put(hub.id(), hub.name());
        }
        return list.stream()
                .map(s -> s.withHubName(names.getOrDefault(s.hub(), s.hub().value())))
                .toList();
    }

    RequestSummary named(RequestSummary s) {
        return s.withHubName(hubName(s.hub()));
    }

    /** Saves a request for support with its needs and the family's consent. */
    private void saveRequest(
            RequestId request,
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
        requests.insertRequest(new NewRequest(
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
        draft.needs().forEach((area, text) -> requests.insertNeed(request, area, text.strip()));
        ConsentDraft consent = draft.consent();
        families.insertConsent(
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

    private Placed validate(RequestDraft draft) {
        Map<String, Message> problems = new LinkedHashMap<>();
        RequestDraftCheck.check(draft, WorkingCalendar.today(clock), problems);
        if (draft.existingFamily() != null
                && families.family(draft.existingFamily()).isEmpty()) {
            problems.put(
                    "existingFamily", new Message("referrals.problem.existingfamily.family-not-known-choose-again"));
        }
        Placed placed = placing.place(draft.postcode(), draft.chosenHub(), draft.hubReason(), problems);
        RequestDraftCheck.checkPlainText(draft, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return placed;
    }

    private @Nullable String organisationName(CurrentUser user) {
        return user.organisation() == null
                ? null
                : hubs.organisation(user.organisation())
                        .map(Organisation::name)
                        .orElse(user.organisation().value());
    }

    String hubName(HubId hub) {
        return hubs.nameOf(hub);
    }

    /** For the trail: which known families' hub leads are asked to link this one (ids only). */
    private static String linkAsked(Resolved resolved) {
        return resolved.linkTo().isEmpty()
                ? ""
                : ", link asked of "
                        + resolved.linkTo().stream().map(f -> f.id().toString()).toList();
    }

    /** Whether this person may make requests at all (for menus). */
    public static boolean mayRequest(CurrentUser user) {
        return user.has(Role.PRACTITIONER) || user.has(Role.HUB_LEAD);
    }
}
