package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.Message;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a family, for its timeline.
 *
 * @param timeKnown false when only the day is known (a visit or review recorded on a later day);
 *     {@code at} is then the end of that day
 * @param kind what it was: request, decision, allocation, assessment, plan-outcome, plan-action,
 *     action-status, review, contact, step-up, closure, consent, follow-up, feedback
 * @param heading a one-line summary, for a page to say in the person's language
 * @param more more, where there is more
 * @param by who did it
 */
public record TimelineEntry(
        Instant at,
        boolean timeKnown,
        String kind,
        Message heading,
        @Nullable Message more,
        @Nullable String by) {

    /** The summary in English (the subject access export, logs). */
    public String title() {
        return heading.english();
    }

    /** More, in English, where there is more. */
    public @Nullable String detail() {
        return more == null ? null : more.english();
    }

    /** Something whose time of day is known. */
    public TimelineEntry(Instant at, String kind, Message heading, @Nullable Message more, @Nullable String by) {
        this(at, true, kind, heading, more, by);
    }
}
