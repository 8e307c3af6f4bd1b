package org.earlyhelp.testing;

import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;

/** What a person's home page counts under one title, from every module's waiting work. */
public final class HomeCounts {

    private HomeCounts() {}

    public static long of(List<WaitingWork> waitingWork, CurrentUser user, String titleKey) {
        return waitingWork.stream()
                .flatMap(w -> w.waitingFor(user).stream())
                .filter(i -> i.titleKey().equals(titleKey))
                .mapToLong(WaitingItem::count)
                .sum();
    }
}
