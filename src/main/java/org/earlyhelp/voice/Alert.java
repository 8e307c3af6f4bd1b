package org.earlyhelp.voice;

import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/** A safeguarding alert raised by feedback, until a safeguarding lead acknowledges it. */
public record Alert(
        UUID id,
        UUID feedback,
        HubId hub,
        String reasons,
        Instant raisedAt,
        @Nullable String mailedTo,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable String actionTaken,
        @Nullable Instant escalatedAt,
        Mode mode,
        @Nullable String firstName,
        int version) {}
