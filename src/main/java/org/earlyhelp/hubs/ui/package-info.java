/** The hubs module's views: setting up hubs from open data, and the hub lead's dashboard. */
@NullMarked
package org.earlyhelp.hubs.ui;

import org.jspecify.annotations.NullMarked;
