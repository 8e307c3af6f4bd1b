/** The referrals module's views: asking for help, the hub's queue, cases, families and my work. */
@NullMarked
package org.earlyhelp.referrals.ui;

import org.jspecify.annotations.NullMarked;
