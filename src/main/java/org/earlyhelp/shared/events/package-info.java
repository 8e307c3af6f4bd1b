/** Keeping events between modules flowing: incomplete publications are delivered again. */
@NullMarked
package org.earlyhelp.shared.events;

import org.jspecify.annotations.NullMarked;
