package org.earlyhelp.referrals;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A family already known that looks like the one in a new request: only enough to recognise it
 * (surname, the initial of a first name, a year of birth, the hub, whether early help is open),
 * never an address, a full name or a date of birth. A family whose consent is withdrawn shows as
 * one line only, with no id: its hub lead is asked to link it.
 *
 * @param family the family's id, to ask for a link; {@code null} for a restricted family
 * @param matchedOn what matched, for example "J. Smith, born 2015"
 */
public record FamilyMatch(
        @Nullable FamilyId family,
        String label,
        String hubName,
        boolean openCase,
        List<String> matchedOn,
        boolean restricted) {}
