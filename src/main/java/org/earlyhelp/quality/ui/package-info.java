/** The quality module's pages: the audit framework. */
@NullMarked
package org.earlyhelp.quality.ui;

import org.jspecify.annotations.NullMarked;
