package org.earlyhelp.shared.events.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Spring Modulith's publication registry as the application reads it: what is not yet delivered
 * and since when, and the stored events (delivered ones in the archive) that mention a person, for
 * erasure.
 */
@Repository
public class PublicationRepository {

    /** The two tables stored events are kept in: delivered ones in the archive, the others in the registry. */
    public static final List<String> TABLES = List.of("events.event_publication_archive", "events.event_publication");

    /** A stored event: its publication's id and the event as JSON. */
    public record Stored(UUID id, String event) {}

    private final JdbcClient jdbc;

    PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Publications not yet completed by their listener. */
    public long incomplete() {
        return jdbc.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                .query(Long.class)
                .single();
    }

    /** How long, in seconds, the oldest incomplete publication has waited; zero when none does. */
    public double oldestIncompleteAgeSeconds() {
        return jdbc.sql("""
                        SELECT coalesce(extract(epoch FROM now() - min(publication_date)), 0)
                        FROM events.event_publication WHERE completion_date IS NULL""").query(Double.class).single();
    }

    /** Publications still incomplete five minutes after they were published. */
    public long stuck() {
        return jdbc.sql("""
                        SELECT count(*) FROM events.event_publication
                        WHERE completion_date IS NULL AND publication_date < now() - interval '5 minutes'""").query(Long.class).single();
    }

    /** The stored events of one of {@link #TABLES} whose JSON mentions the text (in any case). */
    public List<Stored> mentioning(String table, String mention) {
        return jdbc.sql("SELECT id, serialized_event FROM " + known(table)
                        + " WHERE strpos(lower(serialized_event), ?) > 0")
                .param(mention.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /** Replaces a stored event's JSON in one of {@link #TABLES}. */
    public void replace(String table, UUID id, String event) {
        jdbc.sql("UPDATE " + known(table) + " SET serialized_event = ? WHERE id = ?")
                .params(event, id)
                .update();
    }

    private static String known(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("Not a table of stored events: " + table);
        }
        return table;
    }
}
