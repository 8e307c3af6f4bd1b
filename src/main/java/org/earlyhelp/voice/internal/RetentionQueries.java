package org.earlyhelp.voice.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What feedback's retention finds and deletes: anonymous feedback's words past their time, and
 * named or pseudonymous feedback that still holds a name or words past its own. {@link
 * FeedbackErasure} erases the latter.
 */
@Repository
public class RetentionQueries {

    private final JdbcClient jdbc;

    RetentionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Anonymous feedback given before the cut-off that still holds words: the same rows for the count and the deletion. */
    private static final String ANONYMOUS_WITH_WORDS = """
            mode = 'ANONYMOUS' AND text_deleted_at IS NULL AND submitted_at < ?
              AND (helping IS NOT NULL OR change IS NOT NULL OR worker IS NOT NULL OR anything IS NOT NULL)""";

    /** How many pieces of anonymous feedback given before the cut-off still hold words. */
    public long anonymousTextsDue(Instant cutoff) {
        return jdbc.sql("SELECT count(*) FROM voice.feedback WHERE " + ANONYMOUS_WITH_WORDS)
                .param(Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    /** Deletes the words of anonymous feedback given before the cut-off; how many answers lost words. */
    public int deleteAnonymousTexts(Instant cutoff, Instant now) {
        return jdbc.sql("UPDATE voice.feedback SET helping = NULL, change = NULL, worker = NULL, anything = NULL,"
                        + " text_deleted_at = ? WHERE " + ANONYMOUS_WITH_WORDS)
                .params(Timestamp.from(now), Timestamp.from(cutoff))
                .update();
    }

    /** Named and pseudonymous feedback given before the cut-off that still holds a name, words or a sealed name. */
    public List<UUID> namedDue(Instant cutoff) {
        return jdbc.sql("""
                        SELECT f.id FROM voice.feedback f WHERE f.mode <> 'ANONYMOUS' AND f.submitted_at < ?
                          AND (f.first_name IS NOT NULL OR f.helping IS NOT NULL OR f.change IS NOT NULL
                               OR f.worker IS NOT NULL OR f.anything IS NOT NULL
                               OR EXISTS (SELECT 1 FROM voice.sealed_identity s WHERE s.feedback_id = f.id))""")
                .param(Timestamp.from(cutoff))
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }
}
