/** The voice module's views: the public feedback form and answers page, and the staff side. */
@NullMarked
package org.earlyhelp.voice.ui;

import org.jspecify.annotations.NullMarked;
