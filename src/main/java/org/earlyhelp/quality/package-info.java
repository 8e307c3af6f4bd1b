/**
 * Quality assurance across the partnership: the audit framework of standards the partners agree,
 * against which case files are audited.
 */
@ApplicationModule(
        displayName = "Quality",
        allowedDependencies = {"shared", "audit"})
@NullMarked
package org.earlyhelp.quality;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
