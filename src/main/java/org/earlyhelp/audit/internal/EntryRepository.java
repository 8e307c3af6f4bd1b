package org.earlyhelp.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.earlyhelp.audit.AuditEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log's entries: written once (the database refuses changes), read by record and searched. */
@Repository
public class EntryRepository {

    private final JdbcClient jdbc;

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one entry: who (and in which roles), what, to which record, in which hub, why, from where. */
    public void insert(
            String actor,
            String roles,
            String action,
            String recordType,
            String recordId,
            @Nullable String hub,
            @Nullable String reason,
            @Nullable String from,
            @Nullable String details) {
        jdbc.sql("""
                        INSERT INTO audit.entry (actor, actor_roles, action, record_type, record_id, hub_id, reason,
                          source_address, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(actor, roles, action, recordType, recordId, hub, reason, from, details))
                .update();
    }

    /** The trail of one record, newest first. */
    public List<AuditEntry> trailOf(String recordType, String recordId) {
        return jdbc.sql("""
                        SELECT at, actor, actor_roles, action, record_type, record_id, hub_id, reason, source_address,
                          details FROM audit.entry WHERE record_type = ? AND record_id = ? ORDER BY at DESC, id DESC""")
                .params(recordType, recordId)
                .query(EntryRepository::entry)
                .list();
    }

    /** Entries by who, the kind and id of record, and a period; newest first, at most {@code limit} (1 to 5,000). */
    public List<AuditEntry> search(
            @Nullable String actor,
            @Nullable String recordType,
            @Nullable String recordId,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            int limit) {
        return jdbc.sql("""
                        SELECT at, actor, actor_roles, action, record_type, record_id, hub_id, reason, source_address, details
                        FROM audit.entry
                        WHERE (:actor = '' OR actor = :actor)
                          AND (:type = '' OR record_type = :type)
                          AND (:id = '' OR record_id = :id OR details LIKE '%' || :id || '%')
                          AND (CAST(:from AS date) IS NULL OR at >= CAST(:from AS date))
                          AND (CAST(:to AS date) IS NULL OR at < CAST(:to AS date) + 1)
                        ORDER BY at DESC, id DESC LIMIT :limit""")
                .param("actor", actor == null ? "" : actor.strip())
                .param("type", recordType == null ? "" : recordType.strip())
                .param("id", recordId == null ? "" : recordId.strip())
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query(EntryRepository::entry)
                .list();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getTimestamp(1).toInstant(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10));
    }
}
