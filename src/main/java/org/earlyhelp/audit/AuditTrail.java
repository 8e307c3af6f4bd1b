package org.earlyhelp.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.earlyhelp.shared.Csv;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit trail. Called by every service that reads or changes a family's record or
 * reference data, inside the same transaction, so that an action and its audit entry are saved
 * together or not at all.
 */
@Service
public class AuditTrail {

    private static final int MAX_DETAILS = 2000;

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;

    AuditTrail(JdbcClient jdbc, CurrentUsers currentUsers) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
    }

    /** Records that the signed-in person (or the system) did something to a record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            AuditAction action,
            String recordType,
            String recordId,
            @Nullable HubId hub,
            @Nullable String reason,
            @Nullable String details) {
        insert(action.code(), recordType, recordId, hub, reason, details);
    }

    private void insert(
            String action,
            String recordType,
            String recordId,
            @Nullable HubId hub,
            @Nullable String reason,
            @Nullable String details) {
        CurrentUser user = currentUsers.find().orElse(null);
        String actor = user == null ? "system" : user.username();
        String roles = user == null
                ? ""
                : user.roles().stream().map(Role::externalName).sorted().collect(Collectors.joining(","));
        jdbc.sql("""
                        INSERT INTO audit.entry (actor, actor_roles, action, record_type, record_id, hub_id, reason,
                          source_address, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(
                        actor,
                        roles,
                        action,
                        recordType,
                        recordId,
                        hub == null ? null : hub.value(),
                        reason,
                        sourceAddress(),
                        details == null || details.length() <= MAX_DETAILS
                                ? details
                                : details.substring(0, MAX_DETAILS)))
                .update();
    }

    /**
     * Records a refused attempt (a crafted id, a record outside the person's work, a page their
     * role does not open) with what was asked. Kept in a transaction of its own, so that the
     * refusal, which rolls the caller's work back, is still on the record.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(
            AuditAction action, String recordType, String recordId, @Nullable HubId hub, @Nullable String details) {
        insert("refused:" + action.code(), recordType, recordId, hub, null, details);
    }

    /** The trail of one record, newest first. Administrators only. */
    @Transactional(readOnly = true)
    public List<AuditEntry> trailOf(String recordType, String recordId) {
        currentUsers.requireAnyOf(Role.ADMIN);
        return jdbc.sql("""
                        SELECT at, actor, actor_roles, action, record_type, record_id, hub_id, reason, source_address,
                          details FROM audit.entry WHERE record_type = ? AND record_id = ? ORDER BY at DESC, id DESC""")
                .params(recordType, recordId)
                .query(AuditTrail::entry)
                .list();
    }

    /**
     * Searches the log: by who did it, the kind and id of record (a person's or family's id, say),
     * the hub, and a period; newest first, at most {@code limit}. Administrators only; the
     * search itself is recorded.
     */
    @Transactional
    public List<AuditEntry> search(
            @Nullable String actor,
            @Nullable String recordType,
            @Nullable String recordId,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            int limit) {
        currentUsers.requireAnyOf(Role.ADMIN);
        List<AuditEntry> found = jdbc.sql("""
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
                .param("limit", Math.max(1, Math.min(limit, 5000)))
                .query(AuditTrail::entry)
                .list();
        record(
                AuditAction.SEARCH,
                "audit",
                recordId == null || recordId.isBlank() ? "-" : recordId.strip(),
                null,
                null,
                "actor=" + actor + " type=" + recordType + " from=" + from + " to=" + to + ": " + found.size()
                        + " entries");
        return found;
    }

    /** The entries as CSV, for a regulator or a subject access request; the export is recorded. */
    @Transactional
    public String exportCsv(List<AuditEntry> entries, String what) {
        currentUsers.requireAnyOf(Role.ADMIN);
        StringBuilder csv =
                new StringBuilder("at,actor,roles,action,record_type,record_id,hub,reason,from,details" + Csv.LINE_END);
        for (AuditEntry e : entries) {
            csv.append(String.join(
                            ",",
                            List.of(
                                    e.at().toString(),
                                    quote(e.actor()),
                                    quote(e.actorRoles()),
                                    quote(e.action()),
                                    quote(e.recordType()),
                                    quote(e.recordId()),
                                    quote(e.hub()),
                                    quote(e.reason()),
                                    quote(e.sourceAddress()),
                                    quote(e.details()))))
                    .append(Csv.LINE_END);
        }
        record(AuditAction.EXPORT, "audit", what, null, null, entries.size() + " entries");
        return csv.toString();
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

    private static String quote(@Nullable String value) {
        return Csv.cell(value);
    }

    private static @Nullable String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
