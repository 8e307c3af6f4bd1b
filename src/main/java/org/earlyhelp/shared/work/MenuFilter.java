package org.earlyhelp.shared.work;

import org.earlyhelp.shared.CurrentUser;

/**
 * Implemented by a module with a page its roles let some people open who can do nothing there
 * (a practitioner who is not a safeguarding lead, on the alerts page): the menu does not offer
 * it to them. The page and its services still refuse on their own; this only keeps the menu honest.
 */
public interface MenuFilter {

    /** Whether the menu offers this route (as written in its {@code @Route}) to this person. */
    boolean offers(String route, CurrentUser user);
}
