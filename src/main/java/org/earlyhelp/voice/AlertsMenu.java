package org.earlyhelp.voice;

import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.work.MenuFilter;
import org.springframework.stereotype.Component;

/**
 * The alerts page is offered only to those who handle alerts in one of their hubs: its hub leads
 * and safeguarding leads. Other practitioners would find only a refusal there.
 */
@Component
class AlertsMenu implements MenuFilter {

    static final String ROUTE = "voice/alerts";

    private final SafeguardingAlerts alerts;

    AlertsMenu(SafeguardingAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public boolean offers(String route, CurrentUser user) {
        return !ROUTE.equals(route) || user.hubs().stream().anyMatch(hub -> alerts.mayHandle(user, hub));
    }
}
