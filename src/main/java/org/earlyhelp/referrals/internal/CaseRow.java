package org.earlyhelp.referrals.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/** A case as stored, for access checks. */
public record CaseRow(
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
        int version) {}
