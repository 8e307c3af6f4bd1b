package org.earlyhelp.referrals;

import java.util.UUID;

/** Published when a family's record has been deleted under the retention rule. */
public record FamilyErased(UUID family) {}
