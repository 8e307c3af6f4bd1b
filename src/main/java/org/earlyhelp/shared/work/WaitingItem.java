package org.earlyhelp.shared.work;

/**
 * One line on a person's home page.
 *
 * @param titleKey the i18n key of what is waiting, for example {@code referrals.home.awaiting-decision}
 * @param count how many
 * @param route where the list behind the count is, for example {@code referrals/queue}; empty for
 *     a line that is only said (the system's health)
 */
public record WaitingItem(String titleKey, long count, String route) {}
