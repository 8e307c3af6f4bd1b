package org.earlyhelp.shared.work.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of long work in {@code work.job}: who started what, its state, how it ended, and the
 * heartbeat of the instance running it, so that a person can come back to it on any instance.
 */
@Repository
public class WorkRows {

    /** A piece of work as recorded. */
    public record Row(
            UUID id,
            String label,
            String state,
            @Nullable String summary,
            Instant started,
            @Nullable Instant finished,
            Instant heartbeat) {}

    private final JdbcClient jdbc;

    public WorkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records work that has just started running. */
    public void started(UUID id, String owner, String kind, String label, Instant at) {
        jdbc.sql("""
                        INSERT INTO work.job (id, owner, kind, label, state, started_at, heartbeat_at)
                        VALUES (?, ?, ?, ?, 'RUNNING', ?, ?)""")
                .params(id, owner, kind, label, Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    /** Records how the work ended. */
    public void finished(UUID id, String state, String summary, Instant at) {
        jdbc.sql("UPDATE work.job SET state = ?, summary = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?")
                .params(state, summary, Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    /** A person's latest work of a kind started after the given time. */
    public Optional<Row> latest(String owner, String kind, Instant since) {
        return jdbc.sql("""
                        SELECT id, label, state, summary, started_at, finished_at, heartbeat_at FROM work.job
                        WHERE owner = ? AND kind = ? AND started_at > ? ORDER BY started_at DESC LIMIT 1""")
                .params(owner, kind, Timestamp.from(since))
                .query((rs, n) -> {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new Row(
                            rs.getObject("id", UUID.class),
                            rs.getString("label"),
                            rs.getString("state"),
                            rs.getString("summary"),
                            rs.getTimestamp("started_at").toInstant(),
                            finished == null ? null : finished.toInstant(),
                            rs.getTimestamp("heartbeat_at").toInstant());
                })
                .optional();
    }

    /** Says that this work is still running. */
    public void heartbeat(UUID[] running, Instant at) {
        jdbc.sql("UPDATE work.job SET heartbeat_at = ? WHERE id = ANY (?)")
                .params(Timestamp.from(at), running)
                .update();
    }

    /** Forgets work started before the given time. */
    public void forgetStartedBefore(Instant before) {
        jdbc.sql("DELETE FROM work.job WHERE started_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
