package org.earlyhelp.voice;

import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * A safeguarding alert raised by feedback, until a safeguarding lead or the hub lead acknowledges
 * it.
 *
 * @param mailedTo who the first mail went to, once it was really sent
 * @param escalatedAt when the hub's leads were first mailed because nobody had acknowledged it
 * @param escalations how many times they were mailed
 * @param dutyNotifiedAt when the borough's duty address was last mailed about it
 * @param overLimit whether it came while its address or code was over the hourly limit (kept
 *     because it raised an alert)
 */
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
        int version,
        int escalations,
        @Nullable Instant dutyNotifiedAt,
        boolean overLimit) {}
