package org.earlyhelp.voice.internal;

import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.earlyhelp.voice.SafeguardingAlerts;
import org.springframework.stereotype.Component;

/**
 * Safeguarding alerts waiting for a hub lead or safeguarding lead, first on their home page; for a
 * young person, the way to give feedback and what they gave; for an administrator, a missing duty
 * address for alerts nobody acknowledges.
 */
@Component
class VoiceWaitingWork implements WaitingWork {

    private final SafeguardingAlerts alerts;
    private final InboxQueries queries;

    VoiceWaitingWork(SafeguardingAlerts alerts, InboxQueries queries) {
        this.alerts = alerts;
        this.queries = queries;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        List<WaitingItem> items = new ArrayList<>();
        if (user.has(Role.PRACTITIONER) || user.has(Role.HUB_LEAD)) {
            long waiting = alerts.waitingFor(user);
            if (waiting > 0) {
                String role = user.has(Role.HUB_LEAD) ? "hub-lead" : "practitioner";
                items.add(new WaitingItem(role + ".safeguarding-alerts", waiting, "voice/alerts"));
            }
        }
        if (user.has(Role.YOUNG_PERSON)) {
            items.add(new WaitingItem("young-person.give-feedback", 0, "say"));
            // Counted in full: their page lists the newest FeedbackInbox.MINE_LISTED.
            long given = queries.countOfAccount(user.username());
            if (given > 0) {
                items.add(new WaitingItem("young-person.my-feedback", given, "my-feedback"));
            }
        }
        if (user.has(Role.ADMIN)) {
            String duty = alerts.dutyAddress().address();
            if (duty == null || duty.isBlank()) {
                items.add(new WaitingItem("admin.duty-address", 0, "admin/alerts"));
            }
        }
        return items;
    }
}
