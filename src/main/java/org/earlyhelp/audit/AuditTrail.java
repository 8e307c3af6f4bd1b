package org.earlyhelp.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
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
                .params(
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
                                : details.substring(0, MAX_DETAILS))
                .update();
    }

    /** The trail of one record, newest first. Administrators only. */
    @Transactional(readOnly = true)
    public List<AuditEntry> trailOf(String recordType, String recordId) {
        currentUsers.requireAnyOf(Role.ADMIN);
        return jdbc.sql("""
                        SELECT at, actor, actor_roles, action, record_type, record_id, hub_id, reason, source_address,
                          details FROM audit.entry WHERE record_type = ? AND record_id = ? ORDER BY at DESC, id DESC""")
                .params(recordType, recordId)
                .query((rs, n) -> new AuditEntry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
    }

    private static @Nullable String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
