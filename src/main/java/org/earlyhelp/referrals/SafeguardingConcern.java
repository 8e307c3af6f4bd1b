package org.earlyhelp.referrals;

import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * What a practitioner records when the safeguarding question stops a request: the child may be at
 * risk of significant harm, so it goes to the front door at once.
 *
 * @param childName the child's name
 * @param postcode the family's postcode, if known
 * @param worry what the practitioner is worried about
 * @param frontDoorContacted whether they have already phoned the front door
 * @param chosenHub the hub, when the postcode does not give one
 */
public record SafeguardingConcern(
        String childName,
        String postcode,
        String worry,
        boolean frontDoorContacted,
        @Nullable HubId chosenHub) {}
