/** What is waiting for a person, contributed by each module to the portal's home page. */
@NullMarked
package org.earlyhelp.shared.work;

import org.jspecify.annotations.NullMarked;
