package org.earlyhelp.voice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.shared.Listing;
import org.jspecify.annotations.Nullable;

/** What links to an engagement: the invitations that asked its group and the answers that came of it. */
public final class EngagementLink {

    private EngagementLink() {}

    /** What can be linked. */
    public enum Kind {
        INVITATION,
        RESPONSE
    }

    /** An invitation (a group's or a campaign's, never one child's), with how many answered it. */
    public record LinkedInvitation(UUID id, String label, InvitationKind kind, Instant createdAt, int answers) {}

    /** A "you said, we did" answer linked to an engagement, or that could be. */
    public record LinkedResponse(
            UUID id,
            String theme,
            String youSaid,
            ResponseStatus status,
            @Nullable String weDid,
            @Nullable Instant publishedAt) {}

    /** How many invitations and answers are linked to an engagement, and how many answered its invitations. */
    public record Reach(int invitations, int answers, int responses) {}

    /**
     * An engagement's links, and what could still be linked to it: the newest of each, which say
     * whether there are more; what it reached and every hearing of its answers, for the Lundy model.
     */
    public record Links(
            Engagement engagement,
            Listing<LinkedInvitation> invitations,
            Listing<LinkedResponse> responses,
            Listing<LinkedInvitation> otherInvitations,
            Listing<LinkedResponse> otherResponses,
            Reach reach,
            List<Response.Hearing> hearings,
            boolean mayLink) {

        public Links {
            hearings = List.copyOf(hearings);
        }
    }

    /**
     * One row of the engagements' Lundy report: the space (method, dates), the voice (answers), the
     * audience (who heard) and the influence (what changed), one row per hearing of each answer.
     */
    public record LundyRow(
            String topic,
            String organisation,
            String audience,
            EngagementMethod method,
            LocalDate startsOn,
            LocalDate endsOn,
            int invitations,
            int answers,
            @Nullable String theme,
            @Nullable ResponseStatus status,
            @Nullable String weDid,
            @Nullable String heardBy,
            @Nullable LocalDate heardOn,
            @Nullable String whatChanged) {}
}
