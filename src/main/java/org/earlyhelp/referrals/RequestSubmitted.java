package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * Published when a request for support has been made for a family.
 *
 * @param request the request
 * @param family the family
 * @param familyLabel how the family is shown to those allowed to see it, for example "Smith family"
 * @param hub the hub that will decide it
 * @param area the small area of the family's address, when known
 * @param submittedAt when it arrived
 * @param decisionDue when the hub must have decided it (one working day)
 * @param reReferral whether the family's early help closed less than 12 months ago
 * @param stepDown whether it came down from children's social care (already decided at level 3)
 */
public record RequestSubmitted(
        RequestId request,
        FamilyId family,
        String familyLabel,
        HubId hub,
        @Nullable String area,
        Instant submittedAt,
        Instant decisionDue,
        boolean reReferral,
        boolean stepDown) {}
