package org.earlyhelp.voice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * "You said, we did": what young people said about a theme, who owns it, what was decided, and
 * the child-friendly answer once approved and published; with who heard it and what changed.
 */
public record Response(
        UUID id,
        HubId hub,
        String theme,
        String youSaid,
        String owner,
        String decision,
        ResponseStatus status,
        @Nullable LocalDate due,
        @Nullable String weDid,
        @Nullable String approvedBy,
        @Nullable Instant publishedAt,
        Instant createdAt,
        List<Hearing> hearings,
        int version) {

    /**
     * Whether it is past its due date and still not done (done or not possible is an answer).
     *
     * @param today the date today in the portal's time zone
     */
    public boolean overdue(LocalDate today) {
        return due != null
                && due.isBefore(today)
                && (status == ResponseStatus.HEARD || status == ResponseStatus.IN_PROGRESS);
    }

    /** Who heard it (a board or meeting), when, and what changed as a result. */
    public record Hearing(String heardBy, LocalDate heardOn, String whatChanged) {}
}
