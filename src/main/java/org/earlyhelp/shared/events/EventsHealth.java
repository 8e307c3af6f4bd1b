package org.earlyhelp.shared.events;

import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An administrator's home page says whether the system is working: the database answered this
 * question, and events between modules (a request reaching the dashboards, an alert reaching the
 * safeguarding leads) are delivered, or how many have waited more than five minutes (the retry
 * runs every minute, so these have failed again and again).
 */
@Component
class EventsHealth implements WaitingWork {

    private final JdbcClient jdbc;

    EventsHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            return List.of();
        }
        long stuck = jdbc.sql("""
                        SELECT count(*) FROM events.event_publication
                        WHERE completion_date IS NULL AND publication_date < now() - interval '5 minutes'""").query(Long.class).single();
        return List.of(
                stuck == 0
                        ? new WaitingItem("admin.health.ok", 0, "")
                        : new WaitingItem("admin.health.events-waiting", stuck, ""));
    }
}
