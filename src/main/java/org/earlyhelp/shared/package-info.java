/**
 * Shared kernel: the signed-in person, roles, organisation types, identifiers and the
 * infrastructure every module stands on (database resolution, demonstration data).
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.earlyhelp.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
