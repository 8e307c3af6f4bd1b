package org.earlyhelp.referrals;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A family member as typed into a request for support.
 *
 * @param sex optional, as the family describes it
 * @param ethnicity optional, as the family describes it
 */
public record FamilyMemberDraft(
        String givenName,
        String familyName,
        @Nullable LocalDate dateOfBirth,
        @Nullable Relationship relationship,
        @Nullable String sex,
        @Nullable String ethnicity) {}
