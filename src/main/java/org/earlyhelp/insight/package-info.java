/**
 * Insight: the hub lead's dashboard and the borough view, computed from read models that events
 * from referrals and voice keep up to date, so no module joins another's tables.
 */
@ApplicationModule(
        displayName = "Insight",
        allowedDependencies = {"shared", "audit", "hubs", "referrals", "voice"})
@NullMarked
package org.earlyhelp.insight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
