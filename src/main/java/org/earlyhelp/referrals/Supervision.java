package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One recorded case supervision (management oversight): when it was held, what was discussed,
 * what was decided, and when the case is next to be supervised.
 */
public record Supervision(
        UUID id,
        CaseId caseId,
        LocalDate heldOn,
        String discussion,
        String decisions,
        LocalDate nextOn,
        String recordedBy,
        Instant recordedAt) {}
