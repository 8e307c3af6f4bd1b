package org.earlyhelp.shared.security;

import org.earlyhelp.shared.CurrentUser;

/** Implemented by every principal the application signs people in with. */
public interface EarlyHelpPrincipal {

    CurrentUser currentUser();
}
