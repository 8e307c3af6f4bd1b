package org.earlyhelp.insight.internal;

import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The archived event publications of insight's own listeners, which a rebuild replays. */
@Repository
public class ArchivedEvents {

    private final JdbcClient jdbc;

    ArchivedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Hands each archived publication of the listeners matching the pattern (SQL {@code LIKE}), in
     * publication order, to {@code apply} as its event type and serialized event.
     */
    public void forEachOf(String listenerLike, BiConsumer<String, String> apply) {
        jdbc.sql("""
                        SELECT event_type, serialized_event FROM events.event_publication_archive
                        WHERE listener_id LIKE ? ORDER BY publication_date, id""")
                .param(listenerLike)
                .query((rs, n) -> {
                    apply.accept(rs.getString(1), rs.getString(2));
                    return null;
                })
                .list();
    }
}
