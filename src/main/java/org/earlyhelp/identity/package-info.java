/**
 * Identity: local accounts for demonstration mode (hashed passwords, roles, organisation and
 * hubs), and the turning of a signed-in person, local or from Keycloak, into a {@code CurrentUser}.
 */
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"shared"})
@NullMarked
package org.earlyhelp.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
