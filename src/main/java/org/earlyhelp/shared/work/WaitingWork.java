package org.earlyhelp.shared.work;

import java.util.List;
import org.earlyhelp.shared.CurrentUser;

/**
 * Implemented by a module that has work waiting for people: the portal's home page asks every
 * implementation and shows what comes back, so modules fill the home page without the portal
 * knowing them.
 */
public interface WaitingWork {

    /** What is waiting for this person; empty when nothing is, or the module is not theirs. */
    List<WaitingItem> waitingFor(CurrentUser user);
}
