/** The board pack's page and its PDF. */
@NullMarked
package org.earlyhelp.board.ui;

import org.jspecify.annotations.NullMarked;
