/** The audit module's view: administrators search and export the log. */
@NullMarked
package org.earlyhelp.audit.ui;

import org.jspecify.annotations.NullMarked;
