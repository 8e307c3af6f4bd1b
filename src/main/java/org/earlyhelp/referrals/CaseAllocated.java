package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * Published when a family's early help has a lead practitioner.
 *
 * @param leadPractitioner the lead practitioner's name
 * @param assessmentDue when the early help assessment must be complete
 * @param lead the lead practitioner's user name ({@code null} in events from before it was carried)
 */
public record CaseAllocated(
        CaseId caseId,
        RequestId request,
        FamilyId family,
        String familyLabel,
        HubId hub,
        String leadPractitioner,
        Instant allocatedAt,
        LocalDate assessmentDue,
        @Nullable String lead) {}
