package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one family's early help, for those allowed to see it.
 *
 * <p>{@code contacts} are the newest of the work log, and say whether older ones are left out.
 *
 * <p>{@code auditReadUntil} is set when the reader holds only a case file auditor's grant: they
 * read this case, change nothing, and lose the read at that moment.
 */
public record CaseRecord(
        CaseId id,
        RequestId request,
        FamilyId family,
        String familyLabel,
        HubId hub,
        String lead,
        String leadName,
        Instant allocatedAt,
        LocalDate assessmentDue,
        @Nullable Instant assessedAt,
        @Nullable LocalDate nextReviewDue,
        @Nullable Instant closedAt,
        @Nullable ClosureReason closeReason,
        boolean restricted,
        List<TeamMember> team,
        Map<OutcomeArea, String> needs,
        List<Assessment> assessment,
        List<PlanOutcome> plan,
        List<Review> reviews,
        Listing<Contact> contacts,
        Map<OutcomeArea, NeedResult> closure,
        List<FollowUp> followUps,
        List<FamilyRecord.Member> children,
        int version,
        @Nullable Instant auditReadUntil) {

    /** Whether the reader reads this case only for a case file audit. */
    public boolean auditing() {
        return auditReadUntil != null;
    }

    public boolean open() {
        return closedAt == null;
    }

    public boolean assessed() {
        return assessedAt != null;
    }

    /** Someone in the team around the family. */
    public record TeamMember(
            String username, String displayName, @Nullable String organisation) {}

    /** The assessment of one need. */
    public record Assessment(
            OutcomeArea area,
            String strengths,
            String worries,
            @Nullable String childSays,
            @Nullable String childNotSeenReason,
            String parentsSay) {}

    /** An outcome the plan works towards, with its actions and its latest score. */
    public record PlanOutcome(
            UUID id,
            OutcomeArea area,
            String outcome,
            List<Action> actions,
            @Nullable Integer latestScore) {}

    /** An action in the plan. */
    public record Action(UUID id, String action, String owner, LocalDate due, ActionStatus status, int version) {}

    /** A review held, with the progress scored per outcome (1-10). */
    public record Review(
            UUID id, LocalDate heldOn, String heldBy, String notes, LocalDate nextDue, Map<UUID, Integer> scores) {}

    /** A visit, session or call. */
    public record Contact(
            UUID id,
            LocalDate on,
            ContactKind kind,
            int minutes,
            boolean childSeen,
            @Nullable String childViews,
            String note,
            String loggedBy) {}

    /** A check of progress 6 or 12 months after closure. */
    public record FollowUp(
            int months,
            LocalDate due,
            @Nullable Instant doneAt,
            @Nullable String note) {}
}
