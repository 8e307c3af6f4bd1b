package org.earlyhelp.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log's seals (its hash chain) and the entries as the chain reads them. */
@Repository
public class SealRepository {

    /** The last seal: its position, the entry it sealed and its hash. */
    public record Head(long position, long entryId, String hash) {}

    /** A seal with the entry it sealed, or none when that entry is gone. */
    public record Sealed(
            long position,
            long entryId,
            String prevHash,
            String hash,
            @Nullable Entry entry) {}

    /** Every field of an entry, as the chain hashes it. */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String roles,
            String action,
            String type,
            String recordId,
            @Nullable String hub,
            @Nullable String reason,
            @Nullable String from,
            @Nullable String details) {}

    private static final String SELECT = """
            SELECT e.id, e.at, e.actor, e.actor_roles, e.action, e.record_type, e.record_id, e.hub_id, e.reason,
                   e.source_address, e.details FROM audit.entry e""";

    private final JdbcClient jdbc;

    SealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the transaction's advisory lock with this key, if no other transaction holds it. */
    public boolean tryLock(long key) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
                .param(key)
                .query(Boolean.class)
                .single();
    }

    /** The last seal, if any. */
    public Optional<Head> head() {
        return jdbc.sql("SELECT position, entry_id, hash FROM audit.seal ORDER BY position DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional();
    }

    /** The entries after the given one that were written before {@code before}, in id order, at most {@code limit}. */
    public List<Entry> entriesAfter(long entryId, Instant before, int limit) {
        return jdbc.sql(SELECT + " WHERE e.id > ? AND e.at < ? ORDER BY e.id LIMIT ?")
                .params(entryId, Timestamp.from(before), limit)
                .query((rs, n) -> entryAt(rs, 1))
                .list();
    }

    public void insert(long position, long entryId, String prevHash, String hash) {
        jdbc.sql("INSERT INTO audit.seal (position, entry_id, prev_hash, hash) VALUES (?, ?, ?, ?)")
                .params(position, entryId, prevHash, hash)
                .update();
    }

    /** The seals after the given position, in order, at most {@code limit}, each with its entry if still there. */
    public List<Sealed> sealsAfter(long position, int limit) {
        return jdbc.sql("""
                        SELECT s.position, s.entry_id, s.prev_hash, s.hash, e.id, e.at, e.actor, e.actor_roles,
                               e.action, e.record_type, e.record_id, e.hub_id, e.reason, e.source_address, e.details
                        FROM audit.seal s LEFT JOIN audit.entry e ON e.id = s.entry_id
                        WHERE s.position > ? ORDER BY s.position LIMIT ?""")
                .params(position, limit)
                .query((rs, n) -> new Sealed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5) == null ? null : entryAt(rs, 5)))
                .list();
    }

    /** How many entries have ids after the given one. */
    public long countEntriesAfter(long entryId) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE id > ?")
                .param(entryId)
                .query(Long.class)
                .single();
    }

    /** The entry in the columns from {@code first} on. */
    private static Entry entryAt(ResultSet rs, int first) throws SQLException {
        return new Entry(
                rs.getLong(first),
                rs.getObject(first + 1, OffsetDateTime.class).toInstant(),
                rs.getString(first + 2),
                rs.getString(first + 3),
                rs.getString(first + 4),
                rs.getString(first + 5),
                rs.getString(first + 6),
                rs.getString(first + 7),
                rs.getString(first + 8),
                rs.getString(first + 9),
                rs.getString(first + 10));
    }
}
