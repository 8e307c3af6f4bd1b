package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.HubId;

/**
 * What a practitioner is told once their request for support is saved.
 *
 * @param linking what became of the family: new, linked to the known family, or a link or a move
 *     waiting for the known family's hub lead
 */
public record Submitted(
        RequestId request,
        FamilyId family,
        HubId hub,
        String hubName,
        Instant decisionDue,
        boolean reReferral,
        Linking linking) {

    /** What became of the family a request is about. */
    public enum Linking {
        /** A family not known before. */
        NEW_FAMILY,
        /** Linked to the known family chosen, who live where they did. */
        LINKED,
        /** Saved as a new family; the known family's hub lead is asked to link the two. */
        LINK_ASKED,
        /** Linked; the known family's hub lead is asked to confirm their new address. */
        MOVE_ASKED
    }
}
