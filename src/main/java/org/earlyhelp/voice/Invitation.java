package org.earlyhelp.voice;

import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to give feedback, with its short code.
 *
 * @param label what it is for, as staff named it (never shown with answers to the public)
 * @param ageBand the form it opens, or null to let the person choose
 */
public record Invitation(
        UUID id,
        String code,
        InvitationKind kind,
        HubId hub,
        String hubName,
        @Nullable UUID caseId,
        String label,
        @Nullable AgeBand ageBand,
        Instant createdAt,
        Instant expiresAt,
        int answers) {

    /** The code as people type it, in groups of four. */
    public String displayCode() {
        return code.replaceAll("(.{4})(?!$)", "$1-");
    }
}
