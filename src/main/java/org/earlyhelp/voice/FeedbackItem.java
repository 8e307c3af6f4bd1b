package org.earlyhelp.voice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/** A piece of feedback as staff see it in an inbox: never a sealed name. */
public record FeedbackItem(
        UUID id,
        HubId hub,
        @Nullable UUID caseId,
        String invitationLabel,
        AgeBand ageBand,
        Mode mode,
        @Nullable String firstName,
        @Nullable FeelSafe feelSafe,
        @Nullable Integer mood,
        @Nullable String helping,
        @Nullable String change,
        @Nullable String worker,
        @Nullable String anything,
        boolean safeguarding,
        Instant submittedAt,
        List<String> suggestedThemes,
        List<String> confirmedThemes) {}
