/**
 * Quality assurance across the partnership: the audit framework of standards the partners agree,
 * against which case files are audited, and the monthly case file audits themselves.
 */
@ApplicationModule(
        displayName = "Quality",
        allowedDependencies = {"shared", "audit", "hubs", "referrals"})
@NullMarked
package org.earlyhelp.quality;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
