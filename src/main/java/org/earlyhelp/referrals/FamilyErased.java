package org.earlyhelp.referrals;

/**
 * Published, before erasure took names out of the stored events too, when a family's record had
 * been deleted under the retention rule; kept so that old archives can still be read. Erasure now
 * publishes {@link org.earlyhelp.shared.events.RecordsErased}, which names no family.
 */
public record FamilyErased(FamilyId family) {}
