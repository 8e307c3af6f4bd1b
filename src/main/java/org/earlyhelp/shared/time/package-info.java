/** The application's clock. */
@NullMarked
package org.earlyhelp.shared.time;

import org.jspecify.annotations.NullMarked;
