package org.earlyhelp.referrals.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.referrals.CaseSummary;
import org.earlyhelp.referrals.ReferralsProperties;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The work lists: a practitioner's cases and a hub's drift list, each case with what is due on it
 * (assessment, review, contact, the plan's next action and, on the drift list, the hub lead's
 * supervision). Read only; who may ask is the calling service's check.
 */
@Component
public class WorkLists {

    private final JdbcClient jdbc;
    private final ReferralsProperties properties;

    WorkLists(JdbcClient jdbc, ReferralsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * A hub's open cases that drift: no contact for {@code drift-weeks}, no supervision for
     * {@code oversight-weeks} (since allocation if never), or an assessment or review overdue.
     */
    public List<CaseRow> drifting(HubId hub, LocalDate today, int limit) {
        return jdbc.sql(CaseRepository.CASE_SELECT + "\n" + """
                         WHERE c.hub_id = ? AND c.closed_at IS NULL AND (
                           (c.assessed_at IS NULL AND c.assessment_due < ?)
                           OR (c.next_review_due IS NOT NULL AND c.next_review_due < ?)
                           OR coalesce((SELECT max(t.happened_on) FROM referrals.contact t WHERE t.case_id = c.id),
                                       (c.allocated_at AT TIME ZONE 'Europe/London')::date) < ?
                           OR coalesce((SELECT max(s.held_on) FROM referrals.supervision s WHERE s.case_id = c.id),
                                       (c.allocated_at AT TIME ZONE 'Europe/London')::date) < ?)
                         ORDER BY c.allocated_at LIMIT ?""")
                .params(
                        hub.value(),
                        today,
                        today,
                        today.minusWeeks(properties.drift()),
                        today.minusWeeks(properties.oversight()),
                        limit)
                .query(CaseRepository::caseRow)
                .list();
    }

    /**
     * Each case with what is due on it, overdue first, then soonest due. With {@code oversight},
     * the hub lead's next supervision is one of the things due.
     */
    public List<CaseSummary> summaries(List<CaseRow> rows, CurrentUser user, LocalDate today, boolean oversight) {
        List<UUID> ids = rows.stream().map(c -> c.id().value()).toList();
        Map<UUID, LocalDate> last = latest(ids, """
                SELECT case_id, max(happened_on) FROM referrals.contact WHERE case_id = ANY (?) GROUP BY case_id""");
        Map<UUID, LocalDate> nextAction = latest(ids, """
                SELECT o.case_id, min(a.due_on) FROM referrals.plan_action a
                JOIN referrals.plan_outcome o ON o.id = a.outcome_id
                WHERE o.case_id = ANY (?) AND a.status IN ('NOT_STARTED', 'IN_PROGRESS') GROUP BY o.case_id""");
        Map<UUID, LocalDate> supervised = oversight ? latest(ids, """
                        SELECT case_id, max(held_on) FROM referrals.supervision WHERE case_id = ANY (?) GROUP BY case_id""") : Map.of();
        List<CaseSummary> out = new ArrayList<>();
        for (CaseRow c : rows) {
            List<CaseSummary.Due> due = new ArrayList<>();
            if (c.assessedAt() == null) {
                due.add(new CaseSummary.Due(
                        "assessment", c.assessmentDue(), c.assessmentDue().isBefore(today)));
            }
            if (c.nextReviewDue() != null) {
                due.add(new CaseSummary.Due(
                        "review", c.nextReviewDue(), c.nextReviewDue().isBefore(today)));
            }
            LocalDate allocated = c.allocatedAt().atZone(WorkingCalendar.LONDON).toLocalDate();
            LocalDate lastContact = last.get(c.id().value());
            LocalDate contactDue = (lastContact == null ? allocated : lastContact).plusWeeks(properties.drift());
            due.add(new CaseSummary.Due("contact", contactDue, contactDue.isBefore(today)));
            if (oversight) {
                LocalDate supervisedOn = supervised.get(c.id().value());
                LocalDate oversightDue =
                        (supervisedOn == null ? allocated : supervisedOn).plusWeeks(properties.oversight());
                due.add(new CaseSummary.Due("oversight", oversightDue, oversightDue.isBefore(today)));
            }
            LocalDate action = nextAction.get(c.id().value());
            if (action != null) {
                due.add(new CaseSummary.Due("action", action, action.isBefore(today)));
            }
            due.sort(Comparator.comparing(CaseSummary.Due::on));
            out.add(new CaseSummary(
                    c.id(),
                    c.family(),
                    c.restricted() && !c.lead().equals(user.username()) && !Access.leads(user, c.hub())
                            ? "Restricted record"
                            : c.familyLabel(),
                    c.hub(),
                    c.leadName(),
                    c.lead().equals(user.username()),
                    allocated,
                    lastContact,
                    due));
        }
        out.sort(Comparator.comparing((CaseSummary s) -> !s.overdue())
                .thenComparing(s ->
                        s.due().isEmpty() ? LocalDate.MAX : s.due().getFirst().on()));
        return out;
    }

    /** A date per case, from a query of case id and date over the given cases. */
    private Map<UUID, LocalDate> latest(List<UUID> cases, String sql) {
        Map<UUID, LocalDate> found = new LinkedHashMap<>();
        if (cases.isEmpty()) {
            return found;
        }
        jdbc.sql(sql)
                .param(cases.toArray(UUID[]::new))
                .query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
                .list();
        return found;
    }
}
