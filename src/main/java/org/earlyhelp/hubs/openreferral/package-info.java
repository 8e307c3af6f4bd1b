/**
 * The service directory as a public, read-only Open Referral UK API (the UK profile of HSDS 3.0):
 * services, organisations and the two taxonomies services are filed under.
 */
@NullMarked
package org.earlyhelp.hubs.openreferral;

import org.jspecify.annotations.NullMarked;
