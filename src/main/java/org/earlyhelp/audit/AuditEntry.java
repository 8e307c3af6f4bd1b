package org.earlyhelp.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing someone did.
 *
 * @param at when
 * @param actor who (user name, or {@code system} for scheduled work and event listeners)
 * @param actorRoles their roles at the time
 * @param action what, for example {@code read}, {@code import}, {@code assign}
 * @param recordType the kind of record, for example {@code family}, {@code area}, {@code hub-member}
 * @param recordId which record
 * @param hub the hub the record belongs to, when it belongs to one
 * @param reason why, where a reason is required (unsealing feedback, say)
 * @param sourceAddress the address the request came from, when there was a request
 * @param details a short description
 */
public record AuditEntry(
        Instant at,
        String actor,
        String actorRoles,
        String action,
        String recordType,
        String recordId,
        @Nullable String hub,
        @Nullable String reason,
        @Nullable String sourceAddress,
        @Nullable String details) {}
