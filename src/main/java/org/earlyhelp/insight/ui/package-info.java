/** The insight module's views: the hub lead's dashboard. */
@NullMarked
package org.earlyhelp.insight.ui;

import org.jspecify.annotations.NullMarked;
