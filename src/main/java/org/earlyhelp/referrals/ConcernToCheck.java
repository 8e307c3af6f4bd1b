package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * A practitioner's safeguarding concern, or a family's step-up to children's social care, that no
 * lead of its hub has yet checked with the front door, as the hub's leads see it ({@link
 * ConcernChecks}).
 *
 * @param recordedAt when the concern was recorded or the family stepped up
 * @param referrerName who recorded the concern, or who stepped the family up
 * @param referrerOrganisation the referrer's organisation; null for a step-up
 * @param concern what the referrer wrote (whether they had contacted the front door, the child's
 *     name and what worries them), or why the family was stepped up
 * @param frontDoorContacted whether the referrer, or whoever stepped the family up, said they had
 *     already contacted the front door (false for a step-up recorded before it was asked)
 * @param mailedTo who was mailed about it, or null while the mail has not gone
 */
public record ConcernToCheck(
        RequestId request,
        FamilyId family,
        String familyLabel,
        HubId hub,
        Instant recordedAt,
        String referrerName,
        @Nullable String referrerOrganisation,
        String concern,
        boolean frontDoorContacted,
        @Nullable String mailedTo,
        int version,
        Kind kind) {

    /** A concern recorded through the request form's shutter, or a step-up of a request or case. */
    public enum Kind {
        CONCERN,
        STEP_UP
    }
}
