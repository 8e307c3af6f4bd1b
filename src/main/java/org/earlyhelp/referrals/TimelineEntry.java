package org.earlyhelp.referrals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a family, for its timeline.
 *
 * @param kind what it was: request, decision, allocation, assessment, plan, review, contact,
 *     step-up, closure, consent, follow-up, feedback
 * @param title a one-line summary
 * @param detail more, where there is more
 * @param by who did it
 */
public record TimelineEntry(
        Instant at,
        String kind,
        String title,
        @Nullable String detail,
        @Nullable String by) {}
