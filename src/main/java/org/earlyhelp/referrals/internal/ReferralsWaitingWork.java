package org.earlyhelp.referrals.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.earlyhelp.referrals.CaseSummary;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits on the home page: for practitioners, what is due today and overdue on the families
 * they lead (assessments, reviews, plan actions, contact), the families they work with and their
 * requests decided lately; for hub leads, safeguarding concerns nobody has yet checked with the
 * front door, families waiting for a lead practitioner and the checks after closing that are due.
 * Counts only, for the signed-in person's own work and hubs.
 */
@Component
class ReferralsWaitingWork implements WaitingWork {

    /** What can be due on a case, in the order the home page lists them. */
    static final List<String> DUE_KINDS = List.of("assessment", "review", "action", "contact");

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseRepository caseRows;
    private final ConcernCheckRepository concerns;

    ReferralsWaitingWork(JdbcClient jdbc, Cases cases, CaseRepository caseRows, ConcernCheckRepository concerns) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.caseRows = caseRows;
        this.concerns = concerns;
    }

    /** Due items of one kind, on cases the person leads, that pass a test. */
    private static long count(List<CaseSummary> cases, String what, Predicate<CaseSummary.Due> test) {
        return cases.stream()
                .filter(CaseSummary::lead)
                .flatMap(c -> c.due().stream())
                .filter(d -> d.what().equals(what) && test.test(d))
                .count();
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        List<WaitingItem> items = new ArrayList<>();
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        if (user.has(Role.PRACTITIONER)) {
            // What is due today and overdue on the cases they lead, counted from the same list
            // "my work" shows, so the two always agree.
            List<CaseSummary> mine = cases.myCases();
            for (String what : DUE_KINDS) {
                long overdue = count(mine, what, CaseSummary.Due::overdue);
                long dueToday = count(mine, what, d -> d.on().equals(today));
                if (overdue > 0) {
                    items.add(new WaitingItem("practitioner.overdue." + what, overdue, "my-work"));
                }
                if (dueToday > 0) {
                    items.add(new WaitingItem("practitioner.today." + what, dueToday, "my-work"));
                }
            }
            if (!mine.isEmpty()) {
                items.add(new WaitingItem("practitioner.open-cases", mine.size(), "my-work"));
            }
            long decided =
                    jdbc.sql("""
                            SELECT count(*) FROM referrals.request WHERE referrer = ? AND decided_at > now() - interval '14 days'""").param(user.username()).query(Long.class).single();
            if (decided > 0) {
                items.add(new WaitingItem("practitioner.decided-requests", decided, "requests"));
            }
        }
        if (user.has(Role.HUB_LEAD) && !user.hubs().isEmpty()) {
            // First: a child may be at risk of significant harm, and nobody has yet made sure the
            // front door knows.
            int concernsToCheck = concerns.countWaiting(
                    user.hubs().stream().filter(h -> Access.leads(user, h)).toList());
            if (concernsToCheck > 0) {
                items.add(new WaitingItem("hub-lead.concerns-to-check", concernsToCheck, "hub/queue"));
            }
            String[] hubs = user.hubs().stream().map(HubId::value).toArray(String[]::new);
            long waiting = jdbc.sql(
                            "SELECT count(*) FROM referrals.request WHERE hub_id = ANY (?) AND status = 'AWAITING_ALLOCATION'")
                    .param(hubs)
                    .query(Long.class)
                    .single();
            if (waiting > 0) {
                items.add(new WaitingItem("hub-lead.awaiting-allocation", waiting, "hub/queue"));
            }
            // Counted in full: the hub lead's list stops at Cases.MOST_LISTED and says so.
            long checks = user.hubs().stream()
                    .filter(h -> Access.leads(user, h))
                    .mapToLong(h -> caseRows.countFollowUpsDue(h, today))
                    .sum();
            if (checks > 0) {
                items.add(new WaitingItem("hub-lead.follow-ups", checks, "my-work"));
            }
        }
        return items;
    }
}
