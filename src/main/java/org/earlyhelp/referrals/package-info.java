/**
 * Referrals: requests for early help, from arrival through decision, allocation, assessment,
 * plan and reviews to closure with outcomes.
 */
@ApplicationModule(
        displayName = "Referrals",
        allowedDependencies = {"shared", "hubs", "audit", "voice"})
@NullMarked
package org.earlyhelp.referrals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
