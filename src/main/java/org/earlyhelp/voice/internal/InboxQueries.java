package org.earlyhelp.voice.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.FeedbackInbox;
import org.earlyhelp.voice.FeedbackItem;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.InboxFilter;
import org.earlyhelp.voice.Mode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The feedback inbox's reads and the themes staff confirm. Which feedback a person reads is given
 * by the caller ({@link FeedbackInbox}): whether they lead the hub, who they are, and the cases
 * whose family they may read now.
 */
@Repository
public class InboxQueries {

    /** Who reads which feedback, as SQL over {@code f} (feedback) and {@code i} (its invitation). */
    private static final String VISIBLE = """
            ((f.case_id IS NULL AND (:lead OR i.created_by = :u)) OR f.case_id = ANY (:cases))""";

    private final JdbcClient jdbc;

    InboxQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the hub's feedback this person reads that passes the filter, newest first: exactly
     * {@code limit} items at most, after {@code offset}; the caller checks both.
     */
    public List<FeedbackItem> page(
            HubId hub,
            InboxFilter filter,
            boolean lead,
            String username,
            Set<UUID> readableCases,
            int limit,
            int offset) {
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
        return jdbc.sql(SELECT + where + " ORDER BY f.submitted_at DESC, f.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("hub", hub.value())
                .param("lead", lead)
                .param("u", username)
                .param("cases", readableCases.toArray(UUID[]::new))
                .param("limit", limit)
                .param("offset", offset)
                .query(InboxQueries::item)
                .list();
    }

    /** The cases with feedback in this hub. */
    public List<UUID> casesWithFeedback(HubId hub) {
        return jdbc.sql("SELECT DISTINCT case_id FROM voice.feedback WHERE hub_id = ? AND case_id IS NOT NULL")
                .param(hub.value())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** The newest of what a young person gave signed in with their account, newest first. */
    public List<FeedbackItem> ofAccount(String account, int limit) {
        return jdbc.sql(SELECT + " WHERE f.account = ? ORDER BY f.submitted_at DESC LIMIT ?")
                .params(account, limit)
                .query(InboxQueries::item)
                .list();
    }

    /** How many pieces of feedback a young person gave signed in with their account. */
    public long countOfAccount(String account) {
        return jdbc.sql("SELECT count(*) FROM voice.feedback WHERE account = ?")
                .param(account)
                .query(Long.class)
                .single();
    }

    public Optional<HubId> hubOf(UUID feedback) {
        return jdbc.sql("SELECT hub_id FROM voice.feedback WHERE id = ?")
                .param(feedback)
                .query(String.class)
                .optional()
                .map(HubId::new);
    }

    /** Whether this person reads this feedback. */
    public boolean visible(UUID feedback, boolean lead, String username, Set<UUID> readableCases) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM voice.feedback f JOIN voice.invitation i ON i.id = f.invitation_id"
                                + " WHERE f.id = :id AND " + VISIBLE + ")")
                .param("id", feedback)
                .param("lead", lead)
                .param("u", username)
                .param("cases", readableCases.toArray(UUID[]::new))
                .query(Boolean.class)
                .single();
    }

    /** Confirms a theme for a piece of feedback; 1 if it is new, 0 if it was confirmed already. */
    public int confirmTheme(UUID feedback, String theme, String by, Instant at) {
        return jdbc.sql("""
                            INSERT INTO voice.feedback_theme (feedback_id, theme, confirmed_by, confirmed_at)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""").params(feedback, theme, by, Timestamp.from(at)).update();
    }

    private static final String SELECT = """
            SELECT f.id, f.hub_id, f.case_id, i.label, f.age_band, f.mode, f.first_name, f.feel_safe, f.mood,
                   f.helping, f.change, f.worker, f.anything, f.safeguarding, f.submitted_at,
                   (SELECT array_agg(t.theme ORDER BY t.theme) FROM voice.feedback_theme t WHERE t.feedback_id = f.id)
            FROM voice.feedback f JOIN voice.invitation i ON i.id = f.invitation_id""";

    private static FeedbackItem item(ResultSet rs, int n) throws SQLException {
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
                FeedbackInbox.suggest(rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)),
                confirmed == null ? List.of() : List.of((String[]) confirmed.getArray()));
    }
}
