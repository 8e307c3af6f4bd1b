/**
 * Hubs: neighbourhoods of about 50,000 people, the partner organisations attached to them, and
 * what a hub lead sees of their patch.
 */
@ApplicationModule(
        displayName = "Hubs",
        allowedDependencies = {"shared", "audit"})
@NullMarked
package org.earlyhelp.hubs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
