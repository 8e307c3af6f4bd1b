package org.earlyhelp.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Paging;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CaseAccess;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.InboxQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of feedback: a hub's inbox with themes suggested by simple word rules, and
 * staff confirming them. Sealed names never appear here; reading the inbox is audited.
 */
@Service
public class FeedbackInbox {

    /** Themes and the words that suggest them. */
    public static final Map<String, List<String>> THEMES = themes();

    /** The most items one call returns; a caller that wants more asks again with an offset. */
    public static final int MOST_PER_PAGE = 500;

    /** The most of their own feedback a young person's page lists, the newest. */
    public static final int MINE_LISTED = 200;

    private final InboxQueries inbox;
    private final CurrentUsers currentUsers;
    private final CaseAccess caseAccess;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    FeedbackInbox(
            InboxQueries inbox,
            CurrentUsers currentUsers,
            CaseAccess caseAccess,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.inbox = inbox;
        this.caseAccess = caseAccess;
        this.currentUsers = currentUsers;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    private static Map<String, List<String>> themes() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("feeling safe", List.of("safe", "scared", "hurt", "frightened"));
        t.put("being listened to", List.of("listen", "listened", "talk to", "understand", "ignored"));
        t.put("school", List.of("school", "teacher", "homework", "class", "lesson"));
        t.put("family and home", List.of("home", "mum", "dad", "family", "house"));
        t.put("brothers and sisters", List.of("brother", "sister", "siblings"));
        t.put("friends and bullying", List.of("friend", "lonely", "bully", "bullied"));
        t.put("distance from home", List.of("far away", "distance", "travel", "bus", "moved away"));
        t.put("feeling settled", List.of("settled", "placement", "foster", "carer", "belong"));
        t.put("things to do", List.of("club", "activities", "sport", "football", "youth", "park"));
        t.put("money and basics", List.of("money", "food", "clothes", "hungry", "bills"));
        t.put("my worker", List.of("worker", "social worker", "key worker"));
        return Map.copyOf(t);
    }

    /** Themes suggested by the words in the feedback (staff confirm them). */
    public static List<String> suggest(String... texts) {
        String all = String.join(
                        " ", Arrays.stream(texts).map(s -> s == null ? "" : s).toList())
                .toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        THEMES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue().stream().anyMatch(all::contains)) {
                found.add(e.getKey());
            }
        });
        return found;
    }

    /**
     * The hub's feedback that this person may read, newest first: its hub lead reads the hub's
     * feedback; a practitioner reads what came through the invitations they made; feedback on a
     * family's case follows the family access policy (its lead and team, the hub lead; only they
     * once consent is withdrawn). Audited, with the items that carry a name.
     */
    @Transactional
    public List<FeedbackItem> ofHub(HubId hub, int limit) {
        return ofHub(hub, limit, 0);
    }

    /** A page of the hub's feedback this person may read: {@code limit} items after skipping {@code offset}. */
    @Transactional
    public List<FeedbackItem> ofHub(HubId hub, int limit, int offset) {
        return ofHub(hub, InboxFilter.ALL, limit, offset);
    }

    /**
     * A page of the hub's feedback this person may read that passes the filter, newest first:
     * {@code limit} items after skipping {@code offset}. Audited, with the filter.
     *
     * @throws IllegalArgumentException when {@code limit} is not 1 to {@link #MOST_PER_PAGE} or
     *     {@code offset} is negative ({@link Paging})
     */
    @Transactional
    public List<FeedbackItem> ofHub(HubId hub, InboxFilter filter, int limit, int offset) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        Paging.require(limit, offset, MOST_PER_PAGE);
        if (!user.hubs().contains(hub)) {
            audit.refused(AuditAction.VIEW, "feedback-inbox", hub.value(), hub, null);
            throw new AccessDeniedException("You do not work in this hub");
        }
        List<FeedbackItem> items =
                inbox.page(hub, filter, user.has(Role.HUB_LEAD), user.username(), readableCases(hub), limit, offset);
        audit.record(
                AuditAction.VIEW,
                "feedback-inbox",
                hub.value(),
                hub,
                null,
                items.size() + " items"
                        + (filter.filters() ? " (filtered: " + filter + ")" : "")
                        + "; with a name: "
                        + items.stream()
                                .filter(i -> i.firstName() != null)
                                .map(i -> i.id().toString())
                                .toList());
        return items;
    }

    /** Cases with feedback in this hub whose family the signed-in person may read now. */
    private Set<UUID> readableCases(HubId hub) {
        List<UUID> cases = inbox.casesWithFeedback(hub);
        return caseAccess.readable(cases);
    }

    /**
     * A young person's own past feedback, when they gave it signed in and not anonymously: the
     * newest {@link #MINE_LISTED}.
     */
    @Transactional(readOnly = true)
    public Listing<FeedbackItem> mine() {
        CurrentUser user = currentUsers.requireAnyOf(Role.YOUNG_PERSON);
        return Listing.of(inbox.ofAccount(user.username(), MINE_LISTED + 1), MINE_LISTED);
    }

    /** Confirms themes for a piece of feedback; each new one is published for dashboards. */
    @Transactional
    public void confirm(UUID feedback, Set<String> themes) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = inbox.hubOf(feedback).orElseThrow(() -> new AccessDeniedException("No such feedback"));
        boolean visible = user.hubs().contains(hub)
                && inbox.visible(feedback, user.has(Role.HUB_LEAD), user.username(), readableCases(hub));
        if (!visible) {
            audit.refused(AuditAction.CONFIRM_THEMES, "feedback", feedback.toString(), hub, null);
            throw new AccessDeniedException("You do not work with this feedback");
        }
        Instant now = clock.instant();
        for (String theme : new LinkedHashSet<>(themes)) {
            String clean = theme.strip().toLowerCase(Locale.ROOT);
            if (clean.isEmpty() || clean.length() > 60) {
                continue;
            }
            int added = inbox.confirmTheme(feedback, clean, user.username(), now);
            if (added == 1) {
                events.publishEvent(new ThemeConfirmed(feedback, hub, clean, now));
            }
        }
        audit.record(AuditAction.CONFIRM_THEMES, "feedback", feedback.toString(), hub, null, String.join(", ", themes));
    }

    static @Nullable String nullIfBlank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
