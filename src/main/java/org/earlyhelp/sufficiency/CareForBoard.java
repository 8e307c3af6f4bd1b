package org.earlyhelp.sufficiency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.BoardCareQueries;
import org.earlyhelp.sufficiency.internal.SupplyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Children in care and the sufficiency gap, for the performance board: the borough's children in
 * care at each month's end from the imported returns, and on the last month's end by placement
 * category against the places there are. Counts only, never a child.
 */
@Service
@Transactional(readOnly = true)
public class CareForBoard {

    /** Children in care on the month's last day (today, for this month), if the returns reach it. */
    public record Month(YearMonth month, LocalDate on, Optional<Integer> inCare) {}

    /** One category: children placed in it, the places there are, and the gap (need less places). */
    public record Category(PlacementCategory category, int children, int places) {

        public int gap() {
            return children - places;
        }
    }

    /**
     * @param dataEnd the last day the returns cover; months after it have no count
     * @param categories the commissioned categories on the last month's end (or the returns' end)
     */
    public record Figures(Optional<LocalDate> dataEnd, List<Month> months, List<Category> categories) {}

    private final BoardCareQueries queries;
    private final SupplyRepository supply;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    CareForBoard(BoardCareQueries queries, SupplyRepository supply, CurrentUsers currentUsers, Clock clock) {
        this.queries = queries;
        this.supply = supply;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    public Figures figures(YearMonth from, YearMonth to) {
        currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN, Role.COMMISSIONER);
        LocalDate today = WorkingCalendar.today(clock);
        Optional<LocalDate> dataEnd = queries.dataEnd();
        List<LocalDate> days = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            days.add(end.isAfter(today) ? today : end);
        }
        Map<LocalDate, Integer> counts = queries.inCare(days);
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            boolean covered = dataEnd.map(e -> !day.isAfter(e)).orElse(false);
            months.add(new Month(
                    from.plusMonths(i), day, covered ? Optional.of(counts.getOrDefault(day, 0)) : Optional.empty()));
        }
        LocalDate last = days.getLast();
        LocalDate on = dataEnd.filter(last::isAfter).orElse(last);
        Map<PlacementCategory, Integer> children = queries.byCategory(on);
        Map<PlacementCategory, Integer> places = supply.supply();
        List<Category> categories = PlacementCategory.commissioned().stream()
                .map(c -> new Category(c, children.getOrDefault(c, 0), places.getOrDefault(c, 0)))
                .toList();
        return new Figures(dataEnd, months, categories);
    }
}
