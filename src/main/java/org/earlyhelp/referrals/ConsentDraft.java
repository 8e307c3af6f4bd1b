package org.earlyhelp.referrals;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Consent to share information, as recorded by the person asking for support.
 *
 * @param givenBy who agreed (a parent or carer, or a young person old enough to decide)
 * @param givenOn when
 * @param method how
 * @param shareWith with whom the family agreed information may be shared
 */
public record ConsentDraft(
        String givenBy,
        @Nullable LocalDate givenOn,
        @Nullable ConsentMethod method,
        String shareWith) {}
