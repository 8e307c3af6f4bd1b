/**
 * Sufficiency: placement demand, supply, gap and forecast for commissioners, from SSDA903
 * returns; aggregates only, never a child's identity.
 */
@ApplicationModule(
        displayName = "Sufficiency",
        allowedDependencies = {"shared", "audit", "insight", "hubs"})
@NullMarked
package org.earlyhelp.sufficiency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
