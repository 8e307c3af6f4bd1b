package org.earlyhelp.shared.events;

import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.events.internal.PublicationRepository;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.springframework.stereotype.Component;

/**
 * An administrator's home page says whether the system is working: the database answered this
 * question, and events between modules (a request reaching the dashboards, an alert reaching the
 * safeguarding leads) are delivered, or how many have waited more than five minutes (the retry
 * runs every minute, so these have failed again and again).
 */
@Component
class EventsHealth implements WaitingWork {

    private final PublicationRepository publications;

    EventsHealth(PublicationRepository publications) {
        this.publications = publications;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            return List.of();
        }
        long stuck = publications.stuck();
        return List.of(
                stuck == 0
                        ? new WaitingItem("admin.health.ok", 0, "")
                        : new WaitingItem("admin.health.events-waiting", stuck, ""));
    }
}
