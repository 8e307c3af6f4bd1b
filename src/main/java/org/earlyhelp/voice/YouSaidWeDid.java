package org.earlyhelp.voice;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.PersonalDetails;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.ResponseRepository;
import org.earlyhelp.voice.internal.SealedIdentities;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "You said, we did": a theme, its owner, the decision, status and date; a child-friendly answer
 * approved by the hub lead (checked for names and contact details) and published on the hub's
 * public page; who heard it and what changed (the Lundy model's audience and influence); and the
 * measures a board asks for.
 */
@Service
public class YouSaidWeDid {

    /** The most responses the hub's page and its public page list, the newest. */
    public static final int MOST_LISTED = 200;

    /** The most characters of a search used: what was said is never longer. */
    private static final int MOST_TYPED = 1000;

    private final ResponseRepository responses;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;

    private final SealedIdentities sealed;

    YouSaidWeDid(
            ResponseRepository responses,
            CurrentUsers currentUsers,
            AuditTrail audit,
            SealedIdentities sealed,
            Clock clock) {
        this.sealed = sealed;
        this.responses = responses;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a response to a theme; practitioners and hub leads of the hub. */
    @Transactional
    public UUID create(
            HubId hub, String theme, String youSaid, String owner, String decision, @Nullable LocalDate due) {
        CurrentUser user = worker(hub);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (blank(theme) || theme.length() > 60) {
            problems.put("theme", new Message("voice.problem.theme.choose-theme"));
        } else if (!themesConfirmed(hub).containsKey(theme.strip().toLowerCase(Locale.ROOT))) {
            // A response answers what young people said: a theme nobody's feedback carries would list
            // nobody to tell, so only the hub's confirmed themes are taken.
            problems.put("theme", new Message("voice.problem.theme.choose-theme-confirmed-hub-s"));
        }
        if (blank(youSaid) || youSaid.length() > 1000) {
            problems.put("youSaid", new Message("voice.problem.yousaid.sum-up-what-young-people"));
        } else if (PersonalDetails.appearIn(youSaid)) {
            problems.put("youSaid", new Message("voice.problem.wedid.take-out-numbers-addresses-e"));
        }
        if (blank(owner) || owner.length() > 120) {
            problems.put("owner", new Message("voice.problem.owner.say-who-owns"));
        }
        if (blank(decision) || decision.length() > 2000) {
            problems.put("decision", new Message("voice.problem.decision.say-what-was-decided"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UUID id = UUID.randomUUID();
        responses.insert(
                id,
                hub,
                theme.strip().toLowerCase(Locale.ROOT),
                youSaid.strip(),
                owner.strip(),
                decision.strip(),
                due,
                clock.instant());
        audit.record(AuditAction.CREATE, "response", id.toString(), hub, null, theme);
        return id;
    }

    /** Writes the child-friendly answer and the status; unapproves any earlier approval. */
    @Transactional
    public void answer(UUID id, int version, ResponseStatus status, String weDid) {
        // The role first: nobody learns whether an answer exists before being allowed to ask.
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = hubOf(id);
        worker(hub);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (blank(weDid) || weDid.length() > 1000) {
            problems.put("weDid", new Message("voice.problem.wedid.write-what-was-done-words"));
        } else if (PersonalDetails.appearIn(weDid)) {
            problems.put("weDid", new Message("voice.problem.wedid.take-out-numbers-addresses-e"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!responses.answer(id, version, status, weDid.strip())) {
            throw new ChangedBySomeoneElseException(new Message("voice.changed.response"));
        }
        audit.record(AuditAction.ANSWER, "response", id.toString(), hub, null, status.name());
    }

    /** Approves and publishes the answer on the hub's public page: the hub lead only. */
    @Transactional
    public void approveAndPublish(UUID id, int version) {
        currentUsers.requireAnyOf(Role.HUB_LEAD);
        HubId hub = hubOf(id);
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD);
        if (!user.hubs().contains(hub)) {
            throw new AccessDeniedException("You do not lead this hub");
        }
        Instant now = Timestamp.from(clock.instant()).toInstant();
        if (!responses.approve(id, version, user.displayName(), now)) {
            throw new ChangedBySomeoneElseException(new Message("voice.changed.response-has-no-answer-yet"));
        }
        // Everyone named who left a way to be told, whose feedback has this theme, is listed to tell.
        int toTell = responses.listPeopleToTell(id);
        audit.record(AuditAction.PUBLISH, "response", id.toString(), hub, null, toTell + " people to tell");
    }

    /** Someone who asked to be told what changed, for a published answer. */
    public record ToTell(
            UUID feedback,
            UUID response,
            @Nullable String firstName,
            @Nullable String contact,
            @Nullable Instant toldAt) {}

    /** Who still needs telling about an answer, with how to reach them; the hub's people. Audited. */
    @Transactional
    public List<ToTell> toTell(UUID response) {
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = hubOf(response);
        worker(hub);
        List<ToTell> people = responses.toTell(response).stream()
                .map(p -> new ToTell(p.feedback(), p.response(), p.firstName(), sealed.open(p.contact()), p.toldAt()))
                .toList();
        audit.record(
                AuditAction.VIEW_CONTACTS,
                "response",
                response.toString(),
                hub,
                null,
                people.size() + " people to tell: "
                        + people.stream().map(p -> p.feedback().toString()).toList());
        return people;
    }

    /** Records that someone has been told what changed. */
    @Transactional
    public void told(UUID feedback, UUID response) {
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = hubOf(response);
        CurrentUser user = worker(hub);
        responses.told(feedback, response, user.username(), clock.instant());
        audit.record(AuditAction.TOLD, "response", response.toString(), hub, null, "feedback " + feedback);
    }

    /** Published answers on these themes in a hub: what a young person sees about their own feedback. */
    @Transactional(readOnly = true)
    public List<Response> publishedOn(HubId hub, List<String> themes) {
        // From every published answer on these themes, not only the newest the public page lists.
        return themes.isEmpty()
                ? List.of()
                : responses.publishedOn(hub, themes).stream()
                        .map(YouSaidWeDid::forThePublic)
                        .toList();
    }

    /** Records who heard the theme and what changed as a result. */
    @Transactional
    public void heard(UUID id, String heardBy, @Nullable LocalDate heardOn, String whatChanged) {
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = hubOf(id);
        CurrentUser user = worker(hub);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (blank(heardBy) || heardBy.length() > 200) {
            problems.put("heardBy", new Message("voice.problem.heardby.name-board-meeting-heard"));
        }
        if (heardOn == null || heardOn.isAfter(WorkingCalendar.today(clock))) {
            problems.put("heardOn", new Message("voice.problem.heardon.give-date-was-heard-not"));
        }
        if (blank(whatChanged) || whatChanged.length() > 2000) {
            problems.put("whatChanged", new Message("voice.problem.whatchanged.say-what-changed-result-nothing"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        responses.insertHearing(id, heardBy.strip(), requireNonNull(heardOn), whatChanged.strip(), user.username());
        audit.record(AuditAction.HEARING, "response", id.toString(), hub, null, heardBy);
    }

    /**
     * The themes staff have confirmed on the hub's feedback, most common first, with how many
     * pieces of feedback carry each: what a response can answer and the inbox can be filtered by.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> confirmedThemes(HubId hub) {
        worker(hub);
        return themesConfirmed(hub);
    }

    private Map<String, Long> themesConfirmed(HubId hub) {
        return responses.themesConfirmed(hub);
    }

    /** The hub's newest responses with their hearings, newest first, at most {@link #MOST_LISTED}. */
    @Transactional(readOnly = true)
    public Listing<Response> ofHub(HubId hub) {
        return search(hub, "");
    }

    /**
     * As {@link #ofHub}, narrowed to the responses whose theme, what was said or what was done
     * holds the words typed (in any case): so that any response, however old, can be found, its
     * answer changed or taken off the public page (a new answer waits for approval again).
     */
    @Transactional(readOnly = true)
    public Listing<Response> search(HubId hub, String words) {
        worker(hub);
        return Listing.of(responses.ofHubHolding(hub, Searched.words(words, MOST_TYPED), MOST_LISTED + 1), MOST_LISTED);
    }

    /** Every response of the hub with its hearings, newest first: the board's report (Lundy's CSV). */
    @Transactional(readOnly = true)
    public List<Response> report(HubId hub) {
        worker(hub);
        return responses.ofHub(hub, false, Integer.MAX_VALUE);
    }

    /**
     * What is published on the hub's public page, newest first and at most {@link #MOST_LISTED}:
     * no names, no personal data. Anyone may read it.
     */
    @Transactional(readOnly = true)
    public Listing<Response> published(HubId hub) {
        return Listing.of(responses.ofHub(hub, true, MOST_LISTED + 1), MOST_LISTED)
                .map(YouSaidWeDid::forThePublic);
    }

    private static Response forThePublic(Response r) {
        return new Response(
                r.id(),
                r.hub(),
                r.theme(),
                r.youSaid(),
                "",
                "",
                r.status(),
                null,
                r.weDid(),
                null,
                r.publishedAt(),
                r.createdAt(),
                List.of(),
                0);
    }

    /** The measures for a hub: response times, answered themes, wellbeing by month (the last 12). */
    public record Measures(
            long feedback,
            long alerts,
            @Nullable Double medianMinutesToAcknowledge,
            long themes,
            long themesAnswered,
            Map<YearMonth, Double> moodByMonth) {}

    @Transactional(readOnly = true)
    public Measures measures(HubId hub) {
        worker(hub);
        return responses.measures(hub);
    }

    private CurrentUser worker(HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        if (!user.hubs().contains(hub)) {
            throw new AccessDeniedException("You do not work in this hub");
        }
        return user;
    }

    private HubId hubOf(UUID response) {
        return responses.hubOf(response).orElseThrow(() -> new AccessDeniedException("No such response"));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
