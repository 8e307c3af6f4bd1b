package org.earlyhelp.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubStatus;
import org.earlyhelp.insight.internal.BoroughQueries;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The borough view: every hub side by side on the same measures, and the pilot hubs against the
 * others month by month. Figures only, never names: administrators and hub leads may compare.
 */
@Service
@Transactional(readOnly = true)
public class BoroughComparison {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** One hub's measures over the last 12 months (open cases and drift as of now). */
    public record HubRow(
            Hub hub,
            int requests,
            double requestsPer10000Children,
            @Nullable Double decidedOnTimePercent,
            int openCases,
            int drifting,
            @Nullable Double needsAchievedPercent,
            @Nullable Double reReferralPercent,
            int stepUps,
            int stepDowns) {}

    /** One month: pilot hubs against the others, as rates so hubs of different sizes compare. */
    public record PilotMonth(
            YearMonth month,
            double pilotRequestsPer10000,
            double otherRequestsPer10000,
            @Nullable Double pilotOnTimePercent,
            @Nullable Double otherOnTimePercent) {}

    /**
     * @param driftWeeks how long without contact makes a case drift, for the page's definitions
     * @param oversightWeeks how long without supervision makes a case drift, for the definitions
     */
    public record Comparison(
            List<HubRow> hubs, List<PilotMonth> pilotAgainstOthers, int driftWeeks, int oversightWeeks) {}

    private final BoroughQueries queries;
    private final HubDirectory directory;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final int driftWeeks;
    private final int oversightWeeks;

    BoroughComparison(
            BoroughQueries queries,
            HubDirectory directory,
            CurrentUsers currentUsers,
            Clock clock,
            @Value("${earlyhelp.insight.drift-weeks:4}") int driftWeeks,
            @Value("${earlyhelp.referrals.oversight-weeks:6}") int oversightWeeks) {
        this.queries = queries;
        this.directory = directory;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.driftWeeks = driftWeeks;
        this.oversightWeeks = oversightWeeks;
    }

    public Comparison compare() {
        currentUsers.requireAnyOf(Role.ADMIN, Role.HUB_LEAD);
        LocalDate today = clock.instant().atZone(LONDON).toLocalDate();
        YearMonth current = YearMonth.from(today);
        YearMonth first = current.minusMonths(11);
        List<Hub> hubs = directory.hubs();

        Map<String, BoroughQueries.Sums> sums = queries.sumsByHub(first, current);
        Map<String, int[]> cases = queries.openAndDriftingByHub(clock.instant(), today, driftWeeks, oversightWeeks);

        // As on the hub dashboard: a request past its deadline with no decision is not on time.
        Map<String, Integer> overdue = queries.overdueUndecidedByHub(
                clock.instant(), first.atDay(1).atStartOfDay(LONDON).toInstant());

        List<HubRow> rows = new ArrayList<>();
        for (Hub hub : hubs) {
            BoroughQueries.Sums s =
                    sums.getOrDefault(hub.id().value(), new BoroughQueries.Sums(0, 0, 0, 0, 0, 0, 0, 0));
            int[] c = cases.getOrDefault(hub.id().value(), new int[] {0, 0});
            rows.add(new HubRow(
                    hub,
                    s.requests(),
                    hub.children() == 0 ? 0 : s.requests() * 10_000.0 / hub.children(),
                    Percentages.of(
                            s.onTime(),
                            s.decided() + overdue.getOrDefault(hub.id().value(), 0)),
                    c[0],
                    c[1],
                    Percentages.of(s.achieved(), s.needs()),
                    Percentages.of(s.reReferrals(), s.requests()),
                    s.ups(),
                    s.downs()));
        }

        Set<String> pilots = hubs.stream()
                .filter(h -> h.status() == HubStatus.PILOT)
                .map(h -> h.id().value())
                .collect(Collectors.toSet());
        long pilotChildren = hubs.stream()
                .filter(h -> pilots.contains(h.id().value()))
                .mapToLong(Hub::children)
                .sum();
        long otherChildren = hubs.stream()
                .filter(h -> !pilots.contains(h.id().value()))
                .mapToLong(Hub::children)
                .sum();
        Map<YearMonth, int[]> byMonth = queries.pilotAndOthersByMonth(pilots, first, current);
        List<PilotMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
            int[] v = byMonth.getOrDefault(m, new int[6]);
            months.add(new PilotMonth(
                    m,
                    pilotChildren == 0 ? 0 : v[0] * 10_000.0 / pilotChildren,
                    otherChildren == 0 ? 0 : v[3] * 10_000.0 / otherChildren,
                    Percentages.of(v[2], v[1]),
                    Percentages.of(v[5], v[4])));
        }
        return new Comparison(rows, months, driftWeeks, oversightWeeks);
    }
}
