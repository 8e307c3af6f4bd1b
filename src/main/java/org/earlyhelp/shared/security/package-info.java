/** Security glue shared by all modules: who is signed in, and the refusal every service raises. */
@NamedInterface("security")
@NullMarked
package org.earlyhelp.shared.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
