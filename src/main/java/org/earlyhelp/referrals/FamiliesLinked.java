package org.earlyhelp.referrals;

import java.time.Instant;
import java.util.List;

/**
 * Published when a hub lead confirmed that a new request's family is a family already known: the
 * new family's records now belong to the known one.
 *
 * @param from the new family, which no longer exists
 * @param into the known family
 * @param label the known family's label
 * @param reReferrals requests that, now linked, turn out to be re-referrals
 */
public record FamiliesLinked(FamilyId from, FamilyId into, String label, List<RequestId> reReferrals, Instant at) {}
