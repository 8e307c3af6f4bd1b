package org.earlyhelp.shared.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A read of one case that another module grants to one person for a while: a case file auditor
 * reads the case they audit, and nothing else of the family. The referrals module's access policy
 * asks every implementation before it refuses a read of a case; the grant never lets anyone change
 * the case, and never opens a family whose consent was withdrawn.
 */
public interface CaseReadGrants {

    /** Until when this person may read this case, read only; empty when no grant holds now. */
    Optional<Instant> readableUntil(UUID caseId, String username);
}
