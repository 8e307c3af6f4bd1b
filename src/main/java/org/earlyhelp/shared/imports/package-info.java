/** Streaming readers for imported files, and the report every import gives back. */
@NullMarked
package org.earlyhelp.shared.imports;

import org.jspecify.annotations.NullMarked;
