/** Vaadin building blocks that every module's views share. */
@NullMarked
package org.earlyhelp.shared.ui;

import org.jspecify.annotations.NullMarked;
