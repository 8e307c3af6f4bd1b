package org.earlyhelp.shared.work;

import java.util.List;
import org.earlyhelp.shared.CurrentUser;

/**
 * Implemented by a module that gives people tasks with due dates (a case file to audit, an audit's
 * action): the "My work" page lists what every implementation returns, so that a person's tasks
 * from every module are in one place without the page knowing the modules.
 */
public interface AssignedWork {

    /** This person's open tasks, the soonest due first; empty when they have none. */
    List<AssignedTask> assignedTo(CurrentUser user);
}
