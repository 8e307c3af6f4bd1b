package org.earlyhelp.referrals.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.ClosureReason;
import org.jspecify.annotations.Nullable;

/**
 * What a case file's steps change on the case itself: the assessment, the next review, and the
 * ending. The case file aggregate produces it; {@link CaseRepository#save} writes it.
 */
public record CaseProgress(
        CaseId id,
        @Nullable Instant assessedAt,
        @Nullable LocalDate nextReviewDue,
        @Nullable Instant closedAt,
        @Nullable ClosureReason closeReason,
        @Nullable String closeNote,
        @Nullable Instant steppedUpAt) {}
