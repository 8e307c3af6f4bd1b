/**
 * Portal: the thin shell everyone comes through: sign-in (local or Keycloak), the main layout and
 * navigation, each role's home page, the error pages and the "About and data" page.
 */
@ApplicationModule(
        displayName = "Portal",
        allowedDependencies = {"shared", "identity", "hubs", "audit"})
@NullMarked
package org.earlyhelp.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
