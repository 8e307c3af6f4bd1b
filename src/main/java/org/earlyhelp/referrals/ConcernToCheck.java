package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * A practitioner's safeguarding concern that no lead of its hub has yet checked with the front
 * door, as the hub's leads see it ({@link ConcernChecks}).
 *
 * @param concern what the referrer wrote: whether they had contacted the front door, the child's
 *     name and what worries them
 * @param frontDoorContacted whether the referrer said they had already contacted the front door
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
        int version) {}
