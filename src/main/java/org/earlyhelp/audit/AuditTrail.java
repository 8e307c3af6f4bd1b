package org.earlyhelp.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.earlyhelp.audit.internal.EntryRepository;
import org.earlyhelp.shared.Csv;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Paging;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
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

    private final EntryRepository entries;
    private final CurrentUsers currentUsers;

    AuditTrail(EntryRepository entries, CurrentUsers currentUsers) {
        this.entries = entries;
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
        entries.insert(
                actor,
                roles,
                action,
                recordType,
                recordId,
                hub == null ? null : hub.value(),
                reason,
                sourceAddress(),
                details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS));
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
        return entries.trailOf(recordType, recordId);
    }

    /** The most entries {@link #search} returns to one call. */
    public static final int MOST_FOUND = 5000;

    /**
     * Searches the log: by who did it, the kind and id of record (a person's or family's id, say),
     * the hub, and a period; newest first, at most {@code limit} (1 to {@link #MOST_FOUND}).
     * Administrators only; the search itself is recorded.
     *
     * @throws IllegalArgumentException for a larger limit ({@link Paging})
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
        Paging.require(limit, 0, MOST_FOUND);
        List<AuditEntry> found = entries.search(actor, recordType, recordId, from, to, limit);
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
