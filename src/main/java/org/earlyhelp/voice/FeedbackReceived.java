package org.earlyhelp.voice;

import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * Published in the same transaction that stores a piece of feedback, so that its safeguarding
 * alert survives a crash between the two. Carries no words of the feedback and no name.
 *
 * @param caseId the family's case, when the invitation was for one
 * @param mood how things are, 1 to 5, when answered
 * @param safeguarding whether it must raise an alert
 * @param concerns why, in plain words, when it must
 * @param firstName the young person's first name, only when they chose to be named
 * @param words their answers, only when they chose to be named and the invitation was for their
 *     family's case (the lead practitioner reads them on the case)
 */
public record FeedbackReceived(
        UUID feedback,
        HubId hub,
        @Nullable UUID caseId,
        Instant at,
        @Nullable Integer mood,
        boolean safeguarding,
        @Nullable String concerns,
        @Nullable String firstName,
        @Nullable String words) {}
