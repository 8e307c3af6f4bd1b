/** Security glue shared by all modules: who is signed in, and the checks every service starts with. */
@NullMarked
package org.earlyhelp.shared.security;

import org.jspecify.annotations.NullMarked;
