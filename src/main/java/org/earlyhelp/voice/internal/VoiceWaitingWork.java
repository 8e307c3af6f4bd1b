package org.earlyhelp.voice.internal;

import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.earlyhelp.voice.SafeguardingAlerts;
import org.springframework.stereotype.Component;

/** Safeguarding alerts waiting for a safeguarding lead, first on their home page. */
@Component
class VoiceWaitingWork implements WaitingWork {

    private final SafeguardingAlerts alerts;

    VoiceWaitingWork(SafeguardingAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        long waiting = alerts.waitingFor(user);
        List<WaitingItem> items = new ArrayList<>();
        if (waiting > 0) {
            String role = user.has(Role.HUB_LEAD) ? "hub-lead" : "practitioner";
            items.add(new WaitingItem(role + ".safeguarding-alerts", waiting, "voice/alerts"));
        }
        return items;
    }
}
