package org.earlyhelp.referrals;

import java.util.List;

/**
 * A family already known that looks like the one in a new request: only enough to recognise it
 * (surname, the initial of a first name, a year of birth, the hub, whether early help is open),
 * never an address, a full name or a date of birth. Only a family the person making the request
 * may read is offered; the others' hub leads are asked to link them.
 *
 * @param family the family's id, to link to
 * @param matchedOn what matched, for example "J. Smith, born 2015"
 */
public record FamilyMatch(FamilyId family, String label, String hubName, boolean openCase, List<String> matchedOn) {}
