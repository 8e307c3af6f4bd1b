package org.earlyhelp.insight.internal;

import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What waits for a hub lead on their home page: requests to decide, and the overdue ones. */
@Component
class DashboardWaitingWork implements WaitingWork {

    private final JdbcClient jdbc;

    DashboardWaitingWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        if (!user.has(Role.HUB_LEAD) || user.hubs().isEmpty()) {
            return List.of();
        }
        String[] hubs = user.hubs().stream().map(HubId::value).toArray(String[]::new);
        long awaiting = jdbc.sql("SELECT count(*) FROM insight.request WHERE hub_id = ANY (?) AND decided_at IS NULL")
                .param(hubs)
                .query(Long.class)
                .single();
        long overdue = jdbc.sql("""
                        SELECT count(*) FROM insight.request
                        WHERE hub_id = ANY (?) AND decided_at IS NULL AND decision_due < now()""").param(hubs).query(Long.class).single();
        List<WaitingItem> items = new ArrayList<>();
        if (awaiting > 0) {
            items.add(new WaitingItem("hub-lead.awaiting-decision", awaiting, "hub/queue"));
        }
        if (overdue > 0) {
            items.add(new WaitingItem("hub-lead.overdue-decision", overdue, "hub/queue"));
        }
        return items;
    }
}
