package org.earlyhelp.shared.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The family access policy as other modules ask it about a case, by id: the referrals module
 * holds the policy and implements this, so that voice can apply it to feedback and invitations
 * on a family's case without depending on referrals.
 */
public interface CaseAccess {

    /**
     * Of the cases given, those whose family the signed-in person may read now: the lead and team
     * of an open case, or of one closed within the grace period; the hub lead of the family's
     * current hub or of an open case's hub; only the lead and the hub lead once consent is
     * withdrawn.
     *
     * @return a subset of {@code cases}, empty when nobody is signed in
     */
    Set<UUID> readable(Collection<UUID> cases);

    /** Whether the signed-in person works on this open case now: its lead, its team, or its hub's lead. */
    boolean worksOn(UUID caseId);
}
