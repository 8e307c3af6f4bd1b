package org.earlyhelp.referrals.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits on the home page: for practitioners, their families and what is overdue, and their
 * requests decided lately; for hub leads, families waiting for a lead practitioner and drift.
 * Counts only, for the signed-in person's own work and hubs.
 */
@Component
class ReferralsWaitingWork implements WaitingWork {

    private final JdbcClient jdbc;

    ReferralsWaitingWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        List<WaitingItem> items = new ArrayList<>();
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        if (user.has(Role.PRACTITIONER)) {
            long open = jdbc.sql("""
                            SELECT count(*) FROM referrals.case_file c WHERE c.closed_at IS NULL AND (c.lead = ?
                              OR EXISTS (SELECT 1 FROM referrals.case_member m WHERE m.case_id = c.id AND m.username = ?))""")
                    .params(user.username(), user.username())
                    .query(Long.class)
                    .single();
            long overdue = jdbc.sql("""
                            SELECT count(*) FROM referrals.case_file c WHERE c.closed_at IS NULL AND c.lead = ?
                              AND ((c.assessed_at IS NULL AND c.assessment_due < ?) OR c.next_review_due < ?)""")
                    .params(user.username(), today, today)
                    .query(Long.class)
                    .single();
            long decided =
                    jdbc.sql("""
                            SELECT count(*) FROM referrals.request WHERE referrer = ? AND decided_at > now() - interval '14 days'""").param(user.username()).query(Long.class).single();
            if (overdue > 0) {
                items.add(new WaitingItem("practitioner.overdue-work", overdue, "my-work"));
            }
            if (open > 0) {
                items.add(new WaitingItem("practitioner.open-cases", open, "my-work"));
            }
            if (decided > 0) {
                items.add(new WaitingItem("practitioner.decided-requests", decided, "requests"));
            }
        }
        if (user.has(Role.HUB_LEAD) && !user.hubs().isEmpty()) {
            String[] hubs = user.hubs().stream().map(HubId::value).toArray(String[]::new);
            long waiting = jdbc.sql(
                            "SELECT count(*) FROM referrals.request WHERE hub_id = ANY (?) AND status = 'AWAITING_ALLOCATION'")
                    .param(hubs)
                    .query(Long.class)
                    .single();
            if (waiting > 0) {
                items.add(new WaitingItem("hub-lead.awaiting-allocation", waiting, "hub/queue"));
            }
        }
        return items;
    }
}
