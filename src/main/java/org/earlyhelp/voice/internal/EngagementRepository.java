package org.earlyhelp.voice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.voice.Engagement;
import org.earlyhelp.voice.EngagementMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timetable of engagement. */
@Repository
public class EngagementRepository {

    private static final String SELECT = """
            SELECT id, topic, youngest, oldest, hub_id, audience, method, starts_on, ends_on, organisation,
                   planned_by, planned_by_user, planned_at FROM voice.engagement""";

    private final JdbcClient jdbc;

    EngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Engagement e) {
        jdbc.sql("""
                        INSERT INTO voice.engagement (id, topic, youngest, oldest, hub_id, audience, method, starts_on,
                          ends_on, organisation, planned_by, planned_by_user, planned_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(
                        e.id(),
                        e.topic(),
                        e.youngest(),
                        e.oldest(),
                        e.hub() == null ? null : e.hub().value(),
                        e.audience(),
                        e.method().name(),
                        e.startsOn(),
                        e.endsOn(),
                        e.organisation(),
                        e.plannedBy(),
                        e.plannedByUser(),
                        Timestamp.from(e.plannedAt())))
                .update();
    }

    /** Engagements running on any day from {@code from} to {@code to}, soonest first. */
    public List<Engagement> overlapping(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE ends_on >= ? AND starts_on <= ? ORDER BY starts_on, topic, id")
                .params(from, to)
                .query(EngagementRepository::row)
                .list();
    }

    public Optional<Engagement> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(EngagementRepository::row)
                .optional();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM voice.engagement WHERE id = ?").param(id).update();
    }

    private static Engagement row(ResultSet rs, int n) throws SQLException {
        String hub = rs.getString(5);
        return new Engagement(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getInt(3),
                rs.getInt(4),
                hub == null ? null : new HubId(hub),
                rs.getString(6),
                EngagementMethod.valueOf(rs.getString(7)),
                rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getTimestamp(13).toInstant());
    }
}
