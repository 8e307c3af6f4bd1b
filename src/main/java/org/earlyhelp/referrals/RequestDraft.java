package org.earlyhelp.referrals;

import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;

/**
 * A request for support as a practitioner fills it in.
 *
 * @param members the family members, children and adults
 * @param address the family's address (without the postcode)
 * @param postcode the family's postcode, which decides the hub
 * @param chosenHub the hub picked by the practitioner when the postcode is not in the borough's lookup
 * @param hubReason why that hub, when one was picked
 * @param needs each need's outcome area and what the practitioner sees
 * @param tried what has been tried already
 * @param involved who is already involved with the family
 * @param consent the family's consent to share
 * @param existingFamily a known family this request is about (chosen from the matches), or null for a new one
 */
public record RequestDraft(
        List<FamilyMemberDraft> members,
        String address,
        String postcode,
        @Nullable HubId chosenHub,
        @Nullable String hubReason,
        Map<OutcomeArea, String> needs,
        String tried,
        String involved,
        ConsentDraft consent,
        @Nullable FamilyId existingFamily) {}
