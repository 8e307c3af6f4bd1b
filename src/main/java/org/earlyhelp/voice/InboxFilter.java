package org.earlyhelp.voice;

import java.time.LocalDate;
import java.util.Map;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Which of a hub's feedback to show: a confirmed theme, given from and to a date (inclusive, in
 * the portal's time zone), how the young person chose to be known, and only what raised an alert.
 * Every part is optional; {@link #ALL} shows everything.
 */
public record InboxFilter(
        @Nullable String theme,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable Mode mode,
        boolean alertsOnly) {

    public static final InboxFilter ALL = new InboxFilter(null, null, null, null, false);

    public InboxFilter {
        if (theme != null && theme.isBlank()) {
            theme = null;
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException(Map.of("to", new Message("voice.problem.to.end-date-before-start-date")));
        }
    }

    /** Whether anything is filtered out. */
    public boolean filters() {
        return theme != null || from != null || to != null || mode != null || alertsOnly;
    }
}
