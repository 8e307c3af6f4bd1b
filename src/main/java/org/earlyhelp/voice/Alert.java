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
 * @param said what the young person or parent answered, in their words
 * @param from the kind of invitation the answer came through
 * @param source where it came from: the invitation's label; for a case invitation the family's
 *     label only to someone who may read that family now, otherwise null
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
        boolean overLimit,
        Said said,
        InvitationKind from,
        @Nullable String source) {

    /**
     * The answers as given: the age version of the form, how things are (1 to 5), whether they
     * feel safe, and their own words (null where they gave none, or once the words were deleted
     * after the retention period).
     */
    public record Said(
            AgeBand ageBand,
            @Nullable FeelSafe feelSafe,
            @Nullable Integer mood,
            @Nullable String helping,
            @Nullable String change,
            @Nullable String worker,
            @Nullable String anything) {}
}
