package org.earlyhelp.voice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.PersonalDetails;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.SealedIdentities;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;

    private final SealedIdentities sealed;

    YouSaidWeDid(JdbcClient jdbc, CurrentUsers currentUsers, AuditTrail audit, SealedIdentities sealed, Clock clock) {
        this.sealed = sealed;
        this.jdbc = jdbc;
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
        jdbc.sql("""
                        INSERT INTO voice.response (id, hub_id, theme, you_said, owner, decision, status, due_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'HEARD', ?, ?)""")
                .params(Arrays.asList(
                        id,
                        hub.value(),
                        theme.strip().toLowerCase(Locale.ROOT),
                        youSaid.strip(),
                        owner.strip(),
                        decision.strip(),
                        due,
                        Timestamp.from(clock.instant())))
                .update();
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
        if (jdbc.sql("""
                                UPDATE voice.response SET we_did = ?, status = ?, approved_by = NULL, approved_at = NULL,
                                  published_at = NULL, version = version + 1 WHERE id = ? AND version = ?""").params(weDid.strip(), status.name(), id, version).update() == 0) {
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
        if (jdbc.sql("""
                                UPDATE voice.response SET approved_by = ?, approved_at = ?, published_at = ?, version = version + 1
                                WHERE id = ? AND version = ? AND we_did IS NOT NULL""")
                        .params(user.displayName(), Timestamp.from(now), Timestamp.from(now), id, version)
                        .update()
                == 0) {
            throw new ChangedBySomeoneElseException(new Message("voice.changed.response-has-no-answer-yet"));
        }
        // Everyone named who left a way to be told, whose feedback has this theme, is listed to tell.
        int toTell = jdbc.sql("""
                        INSERT INTO voice.to_tell (feedback_id, response_id, first_name, contact)
                        SELECT f.id, r.id, f.first_name, s.contact FROM voice.response r
                        JOIN voice.feedback_theme t ON t.theme = r.theme
                        JOIN voice.feedback f ON f.id = t.feedback_id AND f.hub_id = r.hub_id AND f.mode = 'NAMED'
                        JOIN voice.sealed_identity s ON s.feedback_id = f.id AND s.contact IS NOT NULL
                        WHERE r.id = ? ON CONFLICT DO NOTHING""").param(id).update();
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
        List<ToTell> people = jdbc.sql("""
                        SELECT feedback_id, response_id, first_name, contact, told_at FROM voice.to_tell WHERE response_id = ?
                        ORDER BY told_at NULLS FIRST, first_name""")
                .param(response)
                .query((rs, n) -> new ToTell(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        sealed.open(rs.getString(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
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
        jdbc.sql(
                        "UPDATE voice.to_tell SET told_at = ?, told_by = ? WHERE feedback_id = ? AND response_id = ? AND told_at IS NULL")
                .params(Timestamp.from(clock.instant()), user.username(), feedback, response)
                .update();
        audit.record(AuditAction.TOLD, "response", response.toString(), hub, null, "feedback " + feedback);
    }

    /** Published answers on these themes in a hub: what a young person sees about their own feedback. */
    @Transactional(readOnly = true)
    public List<Response> publishedOn(HubId hub, List<String> themes) {
        return published(hub).stream().filter(r -> themes.contains(r.theme())).toList();
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
        jdbc.sql("""
                        INSERT INTO voice.hearing (id, response_id, heard_by, heard_on, what_changed, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(
                        UUID.randomUUID(), id, heardBy.strip(), heardOn, whatChanged.strip(), user.username()))
                .update();
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
        Map<String, Long> themes = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT t.theme, count(DISTINCT t.feedback_id) FROM voice.feedback_theme t
                        JOIN voice.feedback f ON f.id = t.feedback_id
                        WHERE f.hub_id = ? GROUP BY t.theme ORDER BY 2 DESC, 1""")
                .param(hub.value())
                .query((rs, n) -> themes.put(rs.getString(1), rs.getLong(2)))
                .list();
        return themes;
    }

    /** The hub's responses with their hearings, newest first: the board's report. */
    @Transactional(readOnly = true)
    public List<Response> ofHub(HubId hub) {
        worker(hub);
        return responses("WHERE r.hub_id = ?", hub.value());
    }

    /** What is published on the hub's public page: no names, no personal data. Anyone may read it. */
    @Transactional(readOnly = true)
    public List<Response> published(HubId hub) {
        return responses("WHERE r.hub_id = ? AND r.published_at IS NOT NULL", hub.value()).stream()
                .map(r -> new Response(
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
                        0))
                .toList();
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
        long feedback = jdbc.sql("SELECT count(*) FROM voice.feedback WHERE hub_id = ?")
                .param(hub.value())
                .query(Long.class)
                .single();
        long alerts = jdbc.sql("SELECT count(*) FROM voice.alert WHERE hub_id = ?")
                .param(hub.value())
                .query(Long.class)
                .single();
        Double median =
                jdbc.sql("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - raised_at) / 60)
                        FROM voice.alert WHERE hub_id = ? AND acknowledged_at IS NOT NULL""").param(hub.value()).query(Double.class).optional().orElse(null);
        long themes = jdbc.sql("""
                        SELECT count(DISTINCT t.theme) FROM voice.feedback_theme t JOIN voice.feedback f ON f.id = t.feedback_id
                        WHERE f.hub_id = ?""").param(hub.value()).query(Long.class).single();
        long answered = jdbc.sql(
                        "SELECT count(DISTINCT theme) FROM voice.response WHERE hub_id = ? AND published_at IS NOT NULL")
                .param(hub.value())
                .query(Long.class)
                .single();
        Map<YearMonth, Double> mood = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('month', submitted_at AT TIME ZONE 'Europe/London')::date, avg(mood)
                        FROM voice.feedback WHERE hub_id = ? AND mood IS NOT NULL
                          AND submitted_at AT TIME ZONE 'Europe/London'
                              >= date_trunc('month', now() AT TIME ZONE 'Europe/London') - interval '11 months'
                        GROUP BY 1 ORDER BY 1""")
                .param(hub.value())
                .query((rs, n) -> mood.put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getDouble(2)))
                .list();
        return new Measures(feedback, alerts, median, themes, answered, mood);
    }

    private List<Response> responses(String where, String hub) {
        Map<UUID, List<Response.Hearing>> hearings = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT h.response_id, h.heard_by, h.heard_on, h.what_changed FROM voice.hearing h
                        JOIN voice.response r ON r.id = h.response_id""" + "\n" + where + " ORDER BY h.heard_on")
                .param(hub)
                .query((rs, n) -> hearings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Response.Hearing(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4))))
                .list();
        return jdbc.sql("""
                        SELECT r.id, r.hub_id, r.theme, r.you_said, r.owner, r.decision, r.status, r.due_on, r.we_did,
                               r.approved_by, r.published_at, r.created_at, r.version
                        FROM voice.response r""" + "\n" + where + " ORDER BY r.created_at DESC LIMIT 200")
                .param(hub)
                .query((ResultSet rs, int n) -> response(rs, hearings))
                .list();
    }

    private static Response response(ResultSet rs, Map<UUID, List<Response.Hearing>> hearings) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Timestamp published = rs.getTimestamp(11);
        return new Response(
                id,
                new HubId(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                ResponseStatus.valueOf(rs.getString(7)),
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                rs.getString(10),
                published == null ? null : published.toInstant(),
                rs.getTimestamp(12).toInstant(),
                hearings.getOrDefault(id, List.of()),
                rs.getInt(13));
    }

    private CurrentUser worker(HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        if (!user.hubs().contains(hub)) {
            throw new AccessDeniedException("You do not work in this hub");
        }
        return user;
    }

    private HubId hubOf(UUID response) {
        return jdbc.sql("SELECT hub_id FROM voice.response WHERE id = ?")
                .param(response)
                .query(String.class)
                .optional()
                .map(HubId::new)
                .orElseThrow(() -> new AccessDeniedException("No such response"));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
