/**
 * Audit: an append-only record of who read or changed what, when, from where and why: every look
 * at a child's or family's record, every change to users, hubs and reference data, every export.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared"})
@NullMarked
package org.earlyhelp.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
