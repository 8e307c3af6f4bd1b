/** The audit module's storage: the log's entries and its sealed chain. */
@NullMarked
package org.earlyhelp.audit.internal;

import org.jspecify.annotations.NullMarked;
