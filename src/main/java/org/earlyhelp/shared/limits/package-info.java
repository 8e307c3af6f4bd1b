/** Limits on how often a client may call a public endpoint, kept in PostgreSQL for every instance. */
@NullMarked
package org.earlyhelp.shared.limits;

import org.jspecify.annotations.NullMarked;
