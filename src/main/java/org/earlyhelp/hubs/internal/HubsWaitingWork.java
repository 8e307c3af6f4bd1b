package org.earlyhelp.hubs.internal;

import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An administrator's set-up tasks: hubs that are running (pilot or live) with no hub lead to
 * decide their requests, or with no areas so that no postcode reaches them; and no postcode lookup.
 */
@Component
class HubsWaitingWork implements WaitingWork {

    private final JdbcClient jdbc;

    HubsWaitingWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        List<WaitingItem> items = new ArrayList<>();
        if (!user.has(Role.ADMIN)) {
            return items;
        }
        long noLead = jdbc.sql("""
                        SELECT count(*) FROM hubs.hub h WHERE h.status <> 'PLANNED'
                          AND NOT EXISTS (SELECT 1 FROM hubs.member m WHERE m.hub_id = h.id AND m.hub_lead)""").query(Long.class).single();
        long noAreas = jdbc.sql("""
                        SELECT count(*) FROM hubs.hub h WHERE h.status <> 'PLANNED'
                          AND NOT EXISTS (SELECT 1 FROM hubs.area a WHERE a.hub_id = h.id)""").query(Long.class).single();
        boolean postcodes = jdbc.sql("SELECT EXISTS (SELECT 1 FROM hubs.postcode)")
                .query(Boolean.class)
                .single();
        if (noLead > 0) {
            items.add(new WaitingItem("admin.hubs-without-lead", noLead, "admin/hubs"));
        }
        if (noAreas > 0) {
            items.add(new WaitingItem("admin.hubs-without-areas", noAreas, "admin/hubs"));
        }
        if (!postcodes) {
            items.add(new WaitingItem("admin.no-postcodes", 0, "admin/hubs"));
        }
        return items;
    }
}
