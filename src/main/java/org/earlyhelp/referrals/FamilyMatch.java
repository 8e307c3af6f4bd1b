package org.earlyhelp.referrals;

import java.util.List;
import java.util.UUID;

/**
 * A family already known that looks like the one in a new request: enough to recognise it, no
 * more.
 *
 * @param matchedOn what matched, in plain words, for example "Jay Smith, born 3 May 2015"
 */
public record FamilyMatch(UUID family, String label, String postcode, String hubName, List<String> matchedOn) {}
