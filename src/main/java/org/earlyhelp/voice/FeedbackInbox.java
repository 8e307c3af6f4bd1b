package org.earlyhelp.voice;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CaseAccess;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final CaseAccess caseAccess;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    FeedbackInbox(
            JdbcClient jdbc,
            CurrentUsers currentUsers,
            CaseAccess caseAccess,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
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
     */
    @Transactional
    public List<FeedbackItem> ofHub(HubId hub, InboxFilter filter, int limit, int offset) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        if (!user.hubs().contains(hub)) {
            audit.refused(AuditAction.VIEW, "feedback-inbox", hub.value(), hub, null);
            throw new AccessDeniedException("You do not work in this hub");
        }
        StringBuilder where = new StringBuilder(" WHERE f.hub_id = :hub AND " + VISIBLE);
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.theme() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM voice.feedback_theme ft WHERE ft.feedback_id = f.id"
                    + " AND ft.theme = :theme)");
            params.put("theme", filter.theme().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            where.append(" AND f.submitted_at >= :from");
            params.put(
                    "from",
                    Timestamp.from(
                            filter.from().atStartOfDay(WorkingCalendar.LONDON).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND f.submitted_at < :to");
            params.put(
                    "to",
                    Timestamp.from(filter.to()
                            .plusDays(1)
                            .atStartOfDay(WorkingCalendar.LONDON)
                            .toInstant()));
        }
        if (filter.mode() != null) {
            where.append(" AND f.mode = :mode");
            params.put("mode", filter.mode().name());
        }
        if (filter.alertsOnly()) {
            where.append(" AND f.safeguarding");
        }
        List<FeedbackItem> items = jdbc.sql(
                        SELECT + where + " ORDER BY f.submitted_at DESC, f.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("hub", hub.value())
                .param("lead", user.has(Role.HUB_LEAD))
                .param("u", user.username())
                .param("cases", readableCases(hub).toArray(UUID[]::new))
                .param("limit", Math.min(Math.max(limit, 1), 500))
                .param("offset", Math.max(offset, 0))
                .query(this::item)
                .list();
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

    /** Who reads which feedback, as SQL over {@code f} (feedback) and {@code i} (its invitation). */
    private static final String VISIBLE = """
            ((f.case_id IS NULL AND (:lead OR i.created_by = :u)) OR f.case_id = ANY (:cases))""";

    /** Cases with feedback in this hub whose family the signed-in person may read now. */
    private Set<UUID> readableCases(HubId hub) {
        List<UUID> cases = jdbc.sql(
                        "SELECT DISTINCT case_id FROM voice.feedback WHERE hub_id = ? AND case_id IS NOT NULL")
                .param(hub.value())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        return caseAccess.readable(cases);
    }

    /** A young person's own past feedback, when they gave it signed in and not anonymously. */
    @Transactional(readOnly = true)
    public List<FeedbackItem> mine() {
        CurrentUser user = currentUsers.requireAnyOf(Role.YOUNG_PERSON);
        return jdbc.sql(SELECT + " WHERE f.account = ? ORDER BY f.submitted_at DESC LIMIT 200")
                .param(user.username())
                .query(this::item)
                .list();
    }

    /** Confirms themes for a piece of feedback; each new one is published for dashboards. */
    @Transactional
    public void confirm(UUID feedback, Set<String> themes) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = jdbc.sql("SELECT hub_id FROM voice.feedback WHERE id = ?")
                .param(feedback)
                .query(String.class)
                .optional()
                .map(HubId::new)
                .orElseThrow(() -> new AccessDeniedException("No such feedback"));
        boolean visible = user.hubs().contains(hub)
                && jdbc.sql(
                                "SELECT EXISTS (SELECT 1 FROM voice.feedback f JOIN voice.invitation i ON i.id = f.invitation_id"
                                        + " WHERE f.id = :id AND " + VISIBLE + ")")
                        .param("id", feedback)
                        .param("lead", user.has(Role.HUB_LEAD))
                        .param("u", user.username())
                        .param("cases", readableCases(hub).toArray(UUID[]::new))
                        .query(Boolean.class)
                        .single();
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
            int added = jdbc.sql("""
                            INSERT INTO voice.feedback_theme (feedback_id, theme, confirmed_by, confirmed_at)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(feedback, clean, user.username(), Timestamp.from(now))
                    .update();
            if (added == 1) {
                events.publishEvent(new ThemeConfirmed(feedback, hub, clean, now));
            }
        }
        audit.record(AuditAction.CONFIRM_THEMES, "feedback", feedback.toString(), hub, null, String.join(", ", themes));
    }

    private static final String SELECT = """
            SELECT f.id, f.hub_id, f.case_id, i.label, f.age_band, f.mode, f.first_name, f.feel_safe, f.mood,
                   f.helping, f.change, f.worker, f.anything, f.safeguarding, f.submitted_at,
                   (SELECT array_agg(t.theme ORDER BY t.theme) FROM voice.feedback_theme t WHERE t.feedback_id = f.id)
            FROM voice.feedback f JOIN voice.invitation i ON i.id = f.invitation_id""";

    private FeedbackItem item(ResultSet rs, int n) throws SQLException {
        Array confirmed = rs.getArray(16);
        String safe = rs.getString(8);
        int mood = rs.getInt(9);
        boolean hasMood = !rs.wasNull();
        return new FeedbackItem(
                rs.getObject(1, UUID.class),
                new HubId(rs.getString(2)),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                AgeBand.valueOf(rs.getString(5)),
                Mode.valueOf(rs.getString(6)),
                rs.getString(7),
                safe == null ? null : FeelSafe.valueOf(safe),
                hasMood ? mood : null,
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getBoolean(14),
                rs.getTimestamp(15).toInstant(),
                suggest(rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)),
                confirmed == null ? List.of() : List.of((String[]) confirmed.getArray()));
    }

    static @Nullable String nullIfBlank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
