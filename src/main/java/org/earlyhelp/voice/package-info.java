/**
 * Voice: children, young people and families say what they think, safely, and see what changed
 * because of it.
 */
@ApplicationModule(
        displayName = "Voice",
        allowedDependencies = {"shared", "hubs", "audit"})
@NullMarked
package org.earlyhelp.voice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
