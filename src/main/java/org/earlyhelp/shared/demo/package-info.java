/** Demonstration data: each module contributes its own, loaded in order at start-up. */
@NullMarked
package org.earlyhelp.shared.demo;

import org.jspecify.annotations.NullMarked;
