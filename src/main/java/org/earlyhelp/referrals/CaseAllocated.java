package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.earlyhelp.shared.HubId;

/**
 * Published when a family's early help has a lead practitioner.
 *
 * @param assessmentDue when the early help assessment must be complete
 */
public record CaseAllocated(
        UUID caseId,
        UUID request,
        UUID family,
        String familyLabel,
        HubId hub,
        String leadPractitioner,
        Instant allocatedAt,
        LocalDate assessmentDue) {}
