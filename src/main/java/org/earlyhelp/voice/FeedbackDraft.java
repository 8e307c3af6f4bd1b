package org.earlyhelp.voice;

import org.jspecify.annotations.Nullable;

/**
 * What a young person or parent answered.
 *
 * @param name a first name, when named or pseudonymous
 * @param contact how to tell them what changed, when they want to be told (optional)
 * @param mood how things are, 1 (very bad) to 5 (very good)
 */
public record FeedbackDraft(
        @Nullable AgeBand ageBand,
        @Nullable Mode mode,
        @Nullable String name,
        @Nullable String contact,
        @Nullable FeelSafe feelSafe,
        @Nullable Integer mood,
        @Nullable String helping,
        @Nullable String change,
        @Nullable String worker,
        @Nullable String anything) {}
