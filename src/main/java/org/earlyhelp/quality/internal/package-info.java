/** The quality module's storage. */
@NullMarked
package org.earlyhelp.quality.internal;

import org.jspecify.annotations.NullMarked;
