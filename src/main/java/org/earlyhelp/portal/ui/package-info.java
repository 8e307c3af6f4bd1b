/** The portal's views: layout, sign-in, home pages, about, and the error pages. */
@NullMarked
package org.earlyhelp.portal.ui;

import org.jspecify.annotations.NullMarked;
