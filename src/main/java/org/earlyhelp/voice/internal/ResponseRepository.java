package org.earlyhelp.voice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.voice.Response;
import org.earlyhelp.voice.ResponseStatus;
import org.earlyhelp.voice.YouSaidWeDid;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "You said, we did" answers as stored: the answer, its approval, who is to be told, its
 * hearings, and the hub's measures. Who may do what is checked by {@link YouSaidWeDid}.
 */
@Repository
public class ResponseRepository {

    /** Someone to tell about an answer, with their contact still sealed. */
    public record ToTellRow(
            UUID feedback,
            UUID response,
            @Nullable String firstName,
            @Nullable String contact,
            @Nullable Instant toldAt) {}

    private final JdbcClient jdbc;

    ResponseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            UUID id,
            HubId hub,
            String theme,
            String youSaid,
            String owner,
            String decision,
            @Nullable LocalDate due,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO voice.response (id, hub_id, theme, you_said, owner, decision, status, due_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'HEARD', ?, ?)""")
                .params(Arrays.asList(id, hub.value(), theme, youSaid, owner, decision, due, Timestamp.from(at)))
                .update();
    }

    /** Writes the answer and unapproves it; false if someone else changed it since it was read. */
    public boolean answer(UUID id, int version, ResponseStatus status, String weDid) {
        return jdbc.sql("""
                                UPDATE voice.response SET we_did = ?, status = ?, approved_by = NULL, approved_at = NULL,
                                  published_at = NULL, version = version + 1 WHERE id = ? AND version = ?""").params(weDid, status.name(), id, version).update() == 1;
    }

    /** Approves and publishes an answer that has words; false if it has none or someone changed it. */
    public boolean approve(UUID id, int version, String by, Instant at) {
        return jdbc.sql("""
                                UPDATE voice.response SET approved_by = ?, approved_at = ?, published_at = ?, version = version + 1
                                WHERE id = ? AND version = ? AND we_did IS NOT NULL""")
                        .params(by, Timestamp.from(at), Timestamp.from(at), id, version)
                        .update()
                == 1;
    }

    /** Lists everyone named who left a way to be told, whose feedback has the answer's theme. */
    public int listPeopleToTell(UUID id) {
        return jdbc.sql("""
                        INSERT INTO voice.to_tell (feedback_id, response_id, first_name, contact)
                        SELECT f.id, r.id, f.first_name, s.contact FROM voice.response r
                        JOIN voice.feedback_theme t ON t.theme = r.theme
                        JOIN voice.feedback f ON f.id = t.feedback_id AND f.hub_id = r.hub_id AND f.mode = 'NAMED'
                        JOIN voice.sealed_identity s ON s.feedback_id = f.id AND s.contact IS NOT NULL
                        WHERE r.id = ? ON CONFLICT DO NOTHING""").param(id).update();
    }

    public List<ToTellRow> toTell(UUID response) {
        return jdbc.sql("""
                        SELECT feedback_id, response_id, first_name, contact, told_at FROM voice.to_tell WHERE response_id = ?
                        ORDER BY told_at NULLS FIRST, first_name""")
                .param(response)
                .query((rs, n) -> new ToTellRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    public void told(UUID feedback, UUID response, String by, Instant at) {
        jdbc.sql(
                        "UPDATE voice.to_tell SET told_at = ?, told_by = ? WHERE feedback_id = ? AND response_id = ? AND told_at IS NULL")
                .params(Timestamp.from(at), by, feedback, response)
                .update();
    }

    public void insertHearing(UUID response, String heardBy, LocalDate heardOn, String whatChanged, String by) {
        jdbc.sql("""
                        INSERT INTO voice.hearing (id, response_id, heard_by, heard_on, what_changed, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(UUID.randomUUID(), response, heardBy, heardOn, whatChanged, by))
                .update();
    }

    /** The hub's confirmed themes, most common first, with how many pieces of feedback carry each. */
    public Map<String, Long> themesConfirmed(HubId hub) {
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

    /** The hub's newest answers with their hearings, newest first; only the published ones if asked. */
    public List<Response> ofHub(HubId hub, boolean publishedOnly, int limit) {
        return responses(
                publishedOnly ? "WHERE r.hub_id = ? AND r.published_at IS NOT NULL" : "WHERE r.hub_id = ?",
                limit,
                hub.value());
    }

    /**
     * The hub's responses whose theme, what was said or what was done holds the words (in any
     * case; empty words: every response), newest first.
     */
    public List<Response> ofHubHolding(HubId hub, String words, int limit) {
        return responses("""
                WHERE r.hub_id = ? AND (? = '' OR strpos(lower(r.theme || ' ' || r.you_said || ' '
                                                       || coalesce(r.we_did, '')), lower(?)) > 0)""", limit, hub.value(), words, words);
    }

    /** Every published answer of the hub on one of these themes, newest first. */
    public List<Response> publishedOn(HubId hub, Collection<String> themes) {
        return responses(
                "WHERE r.hub_id = ? AND r.published_at IS NOT NULL AND r.theme = ANY (?)",
                Integer.MAX_VALUE,
                hub.value(),
                themes.toArray(String[]::new));
    }

    public YouSaidWeDid.Measures measures(HubId hub) {
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
        return new YouSaidWeDid.Measures(feedback, alerts, median, themes, answered, mood);
    }

    public Optional<HubId> hubOf(UUID response) {
        return jdbc.sql("SELECT hub_id FROM voice.response WHERE id = ?")
                .param(response)
                .query(String.class)
                .optional()
                .map(HubId::new);
    }

    private List<Response> responses(String where, int limit, Object... params) {
        List<Object> withLimit = new ArrayList<>(List.of(params));
        withLimit.add(limit);
        Map<UUID, List<Response.Hearing>> hearings = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT h.response_id, h.heard_by, h.heard_on, h.what_changed FROM voice.hearing h
                        JOIN voice.response r ON r.id = h.response_id""" + "\n" + where + " ORDER BY h.heard_on")
                .params(params)
                .query((rs, n) -> hearings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Response.Hearing(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4))))
                .list();
        return jdbc.sql("""
                        SELECT r.id, r.hub_id, r.theme, r.you_said, r.owner, r.decision, r.status, r.due_on, r.we_did,
                               r.approved_by, r.published_at, r.created_at, r.version
                        FROM voice.response r""" + "\n" + where + " ORDER BY r.created_at DESC LIMIT ?")
                .params(withLimit)
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
}
