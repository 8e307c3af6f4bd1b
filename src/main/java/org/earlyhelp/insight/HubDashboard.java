package org.earlyhelp.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.AreaSummary;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.insight.internal.DashboardQueries;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub lead's dashboard: what is waiting, what is drifting, caseloads, outcomes and reach,
 * all from the read models. Hub leads see their own hub with names; administrators every hub;
 * practitioners their hub's figures without names.
 */
@Service
@Transactional(readOnly = true)
public class HubDashboard {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A request awaiting decision, with its working-day clock. */
    public record Awaiting(UUID request, String familyLabel, Instant submittedAt, Instant due, boolean overdue) {}

    /** Why a case is on the drift list. */
    public enum DriftReason {
        NO_CONTACT,
        ASSESSMENT_OVERDUE,
        REVIEW_OVERDUE,
        NO_OVERSIGHT
    }

    /** A case on the drift list. */
    public record Drift(
            UUID caseId,
            String familyLabel,
            String leadPractitioner,
            DriftReason reason,
            @Nullable Instant lastContact,
            @Nullable LocalDate due) {}

    /** A lead practitioner's open cases against what they can lead. */
    public record Caseload(String username, String name, int openCases, int capacity) {

        public boolean overCapacity() {
            return openCases > capacity;
        }
    }

    /** One month's figures for the trends. */
    public record Month(
            YearMonth month,
            int requests,
            int decided,
            int decidedOnTime,
            int closures,
            int needs,
            int needsAchieved,
            int stepUps,
            int stepDowns,
            int reReferrals,
            int contacts) {}

    /** Requests per 10,000 children in an area over the last 12 months, beside its deprivation. */
    public record Reach(
            String areaCode,
            String areaName,
            int children,
            int requests,
            double per10000,
            @Nullable Integer imdDecile) {}

    /** A theme of what children and families said, and how often it was heard in 12 months. */
    public record Theme(String theme, int count) {}

    /**
     * Everything on the dashboard. Lists of names are empty for a person who may see only figures.
     *
     * @param decidedOnTimePercent share of the last 12 months' decisions made within a working day,
     *     or {@code null} with none
     * @param needsAchievedPercent share of needs achieved at closure over 12 months, or {@code null}
     * @param reReferralPercent share of the last 12 months' requests that were re-referrals, or {@code null}
     */
    public record Dashboard(
            HubId hub,
            boolean withNames,
            int awaitingCount,
            List<Awaiting> awaiting,
            @Nullable Double decidedOnTimePercent,
            int openCases,
            int unallocated,
            List<Caseload> caseloads,
            int driftCount,
            List<Drift> drift,
            @Nullable Double needsAchievedPercent,
            int closures12m,
            int reReferrals12m,
            @Nullable Double reReferralPercent,
            int stepUps12m,
            int stepDowns12m,
            List<Month> trend,
            List<Reach> reach,
            List<Theme> themes,
            int driftWeeks,
            int oversightWeeks) {}

    private final DashboardQueries queries;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final HubTeams teams;
    private final HubDirectory hubs;
    private final Clock clock;
    private final int driftWeeks;
    private final int oversightWeeks;

    HubDashboard(
            DashboardQueries queries,
            CurrentUsers currentUsers,
            AuditTrail audit,
            HubTeams teams,
            HubDirectory hubs,
            Clock clock,
            @Value("${earlyhelp.insight.drift-weeks:4}") int driftWeeks,
            @Value("${earlyhelp.referrals.oversight-weeks:6}") int oversightWeeks) {
        this.queries = queries;
        this.audit = audit;
        this.currentUsers = currentUsers;
        this.teams = teams;
        this.hubs = hubs;
        this.clock = clock;
        this.driftWeeks = driftWeeks;
        this.oversightWeeks = oversightWeeks;
    }

    /**
     * The dashboard of one hub, as the signed-in person may see it: families' names for the hub's
     * lead only (audited when shown); figures for its practitioners and administrators.
     */
    @Transactional
    public Dashboard of(HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN, Role.PRACTITIONER);
        if (!user.worksIn(hub)) {
            throw new AccessDeniedException("You do not work in this hub");
        }
        boolean withNames = user.has(Role.HUB_LEAD) && user.hubs().contains(hub);
        boolean withCaseloads = withNames || user.has(Role.ADMIN);
        Instant now = clock.instant();
        LocalDate today = now.atZone(LONDON).toLocalDate();
        // "The last 12 months" everywhere on the dashboard: this month and the 11 before it.
        Instant yearAgo = YearMonth.from(today)
                .minusMonths(11)
                .atDay(1)
                .atStartOfDay(LONDON)
                .toInstant();

        List<Awaiting> awaiting = queries.awaiting(hub, now);

        int unallocated = queries.unallocated(hub);

        // The read model holds each lead's user name; rows from events before it was carried hold
        // their display name, so both are matched to the hub's team and counted once per worker.
        Map<String, HubMember> members = new HashMap<>();
        Map<String, HubMember> byDisplayName = new HashMap<>();
        if (withCaseloads || withNames) {
            teams.team(hub).forEach(m -> {
                members.put(m.username(), m);
                byDisplayName.putIfAbsent(m.displayName(), m);
            });
        }
        UnaryOperator<@Nullable String> worker = lead -> {
            if (lead == null || members.containsKey(lead)) {
                return lead;
            }
            HubMember m = byDisplayName.get(lead);
            return m == null ? lead : m.username();
        };
        Map<String, Integer> open = new HashMap<>();
        for (DashboardQueries.OpenCases o : queries.openCasesByLead(hub)) {
            open.merge(worker.apply(o.lead()), o.count(), Integer::sum);
        }
        int openCases = open.values().stream().mapToInt(Integer::intValue).sum();
        List<Caseload> caseloads = new ArrayList<>();
        if (withCaseloads) {
            for (HubMember m : members.values()) {
                if (m.capacity() > 0 || open.containsKey(m.username())) {
                    caseloads.add(new Caseload(
                            m.username(), m.displayName(), open.getOrDefault(m.username(), 0), m.capacity()));
                }
            }
            open.forEach((username, count) -> {
                if (!members.containsKey(username)) {
                    caseloads.add(new Caseload(username, username, count, 0));
                }
            });
            caseloads.sort((a, b) -> Double.compare(load(b), load(a)));
        }

        Instant contactCutoff = now.minus(Duration.ofDays(7L * driftWeeks));
        List<Drift> drift = queries.drifting(hub, now, today, driftWeeks, oversightWeeks).stream()
                .map(r -> {
                    Instant last = r.lastContact();
                    Instant allocated = r.allocated();
                    LocalDate assessmentDue = r.assessmentDue();
                    boolean assessed = r.assessed();
                    LocalDate reviewDue = r.reviewDue();
                    DriftReason reason;
                    LocalDate due = null;
                    if (!assessed && assessmentDue.isBefore(today)) {
                        reason = DriftReason.ASSESSMENT_OVERDUE;
                        due = assessmentDue;
                    } else if (assessed && reviewDue != null && reviewDue.isBefore(today)) {
                        reason = DriftReason.REVIEW_OVERDUE;
                        due = reviewDue;
                    } else if ((last == null ? allocated : last).isBefore(contactCutoff)) {
                        reason = DriftReason.NO_CONTACT;
                    } else {
                        LocalDate supervised = r.supervised();
                        reason = DriftReason.NO_OVERSIGHT;
                        due = (supervised == null ? allocated.atZone(LONDON).toLocalDate() : supervised)
                                .plusWeeks(oversightWeeks);
                    }
                    String lead = worker.apply(r.lead());
                    HubMember member = lead == null ? null : members.get(lead);
                    return new Drift(
                            r.caseId(),
                            r.familyLabel(),
                            member == null ? (lead == null ? "" : lead) : member.displayName(),
                            reason,
                            last == null ? allocated : last,
                            due);
                })
                .toList();

        List<Month> trend = trend(hub, YearMonth.from(today));
        int requests12 = trend.stream().mapToInt(Month::requests).sum();
        int decided12 = trend.stream().mapToInt(Month::decided).sum();
        int onTime12 = trend.stream().mapToInt(Month::decidedOnTime).sum();
        int needs12 = trend.stream().mapToInt(Month::needs).sum();
        int achieved12 = trend.stream().mapToInt(Month::needsAchieved).sum();
        int reReferrals12 = trend.stream().mapToInt(Month::reReferrals).sum();
        // A request past its deadline with no decision counts against the on-time share.
        int overdueUndecided = queries.overdueUndecided(hub, now, yearAgo);

        List<Reach> reach = reach(hub, yearAgo);
        if (withNames && !(awaiting.isEmpty() && drift.isEmpty())) {
            audit.record(
                    AuditAction.VIEW_NAMES,
                    "hub-dashboard",
                    hub.value(),
                    hub,
                    null,
                    "requests "
                            + awaiting.stream().map(a -> a.request().toString()).toList() + "; cases "
                            + drift.stream().map(d -> d.caseId().toString()).toList());
        }

        return new Dashboard(
                hub,
                withNames,
                awaiting.size(),
                withNames ? awaiting : List.of(),
                Percentages.of(onTime12, decided12 + overdueUndecided),
                openCases,
                unallocated,
                caseloads,
                drift.size(),
                withNames ? drift : List.of(),
                Percentages.of(achieved12, needs12),
                trend.stream().mapToInt(Month::closures).sum(),
                reReferrals12,
                Percentages.of(reReferrals12, requests12),
                trend.stream().mapToInt(Month::stepUps).sum(),
                trend.stream().mapToInt(Month::stepDowns).sum(),
                trend,
                reach,
                themes(hub, YearMonth.from(today).minusMonths(11)),
                driftWeeks,
                oversightWeeks);
    }

    private List<Theme> themes(HubId hub, YearMonth from) {
        return queries.themes(hub, from);
    }

    private static double load(Caseload c) {
        return c.capacity() == 0 ? c.openCases() * 100.0 : (double) c.openCases() / c.capacity();
    }

    /** The last 12 months, oldest first, with empty months filled in. */
    private List<Month> trend(HubId hub, YearMonth current) {
        YearMonth first = current.minusMonths(11);
        Map<YearMonth, Month> rows = queries.months(hub, first, current);
        List<Month> months = new ArrayList<>(12);
        for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
            months.add(rows.getOrDefault(m, new Month(m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        return months;
    }

    private List<Reach> reach(HubId hub, Instant since) {
        Map<String, Integer> requests = queries.requestsByArea(hub, since);
        List<Reach> reach = new ArrayList<>();
        for (AreaSummary area : hubs.areasOf(hub)) {
            int count = requests.getOrDefault(area.code(), 0);
            double per10000 = area.children() == 0 ? 0 : count * 10_000.0 / area.children();
            reach.add(new Reach(area.code(), area.name(), area.children(), count, per10000, area.imdDecile()));
        }
        return reach;
    }
}
