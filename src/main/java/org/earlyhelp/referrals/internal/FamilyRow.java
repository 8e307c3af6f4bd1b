package org.earlyhelp.referrals.internal;

import java.time.Instant;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/** A family as stored, for access checks and headers. */
public record FamilyRow(
        FamilyId id,
        String label,
        String address,
        String postcode,
        @Nullable String areaCode,
        HubId hub,
        boolean restricted,
        Instant createdAt,
        int version) {}
