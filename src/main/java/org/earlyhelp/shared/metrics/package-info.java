/** Metrics the modules share the shape of. */
@NullMarked
package org.earlyhelp.shared.metrics;

import org.jspecify.annotations.NullMarked;
