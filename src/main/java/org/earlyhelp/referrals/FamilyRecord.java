package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.jspecify.annotations.Nullable;

/**
 * A family's record: who they are, their consent, their requests and cases, and their timeline.
 *
 * @param timeline its newest entries first, as many as were asked for
 * @param olderTimelineEntries whether the timeline has older entries than those given
 * @param readOnly whether the person reads it without working with the family now (a closed
 *     case's lead or team inside the grace period, or a break-glass read)
 * @param breakGlassReads reads by people outside the relationship rules, with their reasons, the
 *     newest: for the family's hub lead; empty for everybody else
 */
public record FamilyRecord(
        FamilyId id,
        String label,
        String address,
        String postcode,
        HubId hub,
        String hubName,
        boolean restricted,
        List<Member> members,
        List<Consent> consents,
        List<RequestSummary> requests,
        List<CaseId> cases,
        List<TimelineEntry> timeline,
        boolean olderTimelineEntries,
        boolean readOnly,
        Listing<BreakGlassRead> breakGlassReads,
        int version) {

    /**
     * Someone outside the relationship rules read the record, and why; or was refused because their
     * reason named someone in the record ({@code refused}: the reason, empty, was not kept).
     */
    public record BreakGlassRead(Instant at, String by, String roles, String reason, boolean refused) {}

    /** A family member. */
    public record Member(
            UUID id,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            Relationship relationship,
            @Nullable String sex,
            @Nullable String ethnicity) {

        public String name() {
            return givenName + " " + familyName;
        }
    }

    /** Consent as given, and withdrawn if it was. */
    public record Consent(
            UUID id,
            String givenBy,
            LocalDate givenOn,
            ConsentMethod method,
            String shareWith,
            @Nullable Instant withdrawnAt,
            @Nullable String withdrawnReason) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }
}
