package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import org.earlyhelp.shared.HubId;

/** Published when a family's early help assessment is complete; the first review is then due. */
public record AssessmentCompleted(
        CaseId caseId, HubId hub, Instant completedAt, boolean childViewsRecorded, LocalDate firstReviewDue) {}
