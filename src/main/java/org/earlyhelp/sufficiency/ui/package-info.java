/** The sufficiency module's views, for commissioners. */
@NullMarked
package org.earlyhelp.sufficiency.ui;

import org.jspecify.annotations.NullMarked;
