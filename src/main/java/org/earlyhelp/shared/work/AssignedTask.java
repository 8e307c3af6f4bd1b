package org.earlyhelp.shared.work;

import java.time.LocalDate;
import java.util.List;

/**
 * One task on a person's "My work" page.
 *
 * @param titleKey the i18n key of what to do, for example {@code quality.work.audit}
 * @param titleArguments the arguments of that text (names, references), already in words
 * @param due the day it is due
 * @param overdue whether that day has passed
 * @param route where the task is done, for example {@code quality/audits/…}
 */
public record AssignedTask(String titleKey, List<String> titleArguments, LocalDate due, boolean overdue, String route) {

    public AssignedTask {
        titleArguments = List.copyOf(titleArguments);
    }
}
