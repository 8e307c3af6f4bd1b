package org.earlyhelp.referrals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a family, for its timeline.
 *
 * @param timeKnown false when only the day is known (a visit or review recorded on a later day);
 *     {@code at} is then the end of that day
 * @param kind what it was: request, decision, allocation, assessment, plan-outcome, plan-action,
 *     action-status, review, contact, step-up, closure, consent, follow-up, feedback
 * @param title a one-line summary
 * @param detail more, where there is more
 * @param by who did it
 */
public record TimelineEntry(
        Instant at,
        boolean timeKnown,
        String kind,
        String title,
        @Nullable String detail,
        @Nullable String by) {

    /** Something whose time of day is known. */
    public TimelineEntry(Instant at, String kind, String title, @Nullable String detail, @Nullable String by) {
        this(at, true, kind, title, detail, by);
    }
}
