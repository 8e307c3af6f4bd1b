package org.earlyhelp.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.StockQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in care on a date, from the imported returns: counts by placement, age, legal status,
 * provider and area, the strategy's cohorts, and the trend. Aggregates only: never a child.
 */
@Service
public class CareStock {

    /** The counts on one date. */
    public record Snapshot(
            LocalDate on,
            long total,
            Map<String, Long> byPlacement,
            Map<String, Long> byAge,
            Map<String, Long> byLegalStatus,
            Map<String, Long> byProvider,
            Map<String, Long> byArea,
            Map<String, Long> byDistance,
            Map<String, Long> byHomeArea,
            long careOrdersAtHome,
            long familyAndFriends,
            long longTermFosteringCouldBeSgo,
            Map<YearMonth, Long> trend,
            Optional<LocalDate> dataFrom,
            Optional<LocalDate> dataTo) {}

    private final StockQueries stock;
    private final CurrentUsers currentUsers;
    private final Whereabouts whereabouts;

    CareStock(StockQueries stock, CurrentUsers currentUsers, Whereabouts whereabouts) {
        this.stock = stock;
        this.currentUsers = currentUsers;
        this.whereabouts = whereabouts;
    }

    /** The children in care on the date, counted as {@link #on} counts them, and nothing else. */
    @Transactional(readOnly = true)
    public long total(LocalDate date) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return stock.inCare(date);
    }

    @Transactional(readOnly = true)
    public Snapshot on(LocalDate date) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        long total = stock.inCare(date);
        Map<String, Long> placement = stock.byPlacementGroup(date);
        Map<String, Long> age = stock.byAge(date);
        Map<String, Long> legal = stock.byLegalStatus(date);
        Map<String, Long> provider = stock.byProvider(date);
        Whereabouts.Counts where = whereabouts.on(date);
        long atHome = stock.careOrdersAtHome(date);
        long friends = stock.familyAndFriends(date);
        // Long-term fostering under a care order, in the same placement for two years or more:
        // where a special guardianship order might give the child permanence outside care.
        long sgo = stock.couldBeSpecialGuardianship(date);
        Map<YearMonth, Long> trend = new LinkedHashMap<>();
        for (int i = 23; i >= 0; i--) {
            LocalDate monthEnd = YearMonth.from(date).minusMonths(i).atEndOfMonth();
            if (monthEnd.isAfter(date)) {
                monthEnd = date;
            }
            trend.put(YearMonth.from(monthEnd), stock.inCare(monthEnd));
        }
        Optional<LocalDate> from = stock.dataFrom();
        Optional<LocalDate> to = stock.dataTo();
        return new Snapshot(
                date,
                total,
                placement,
                age,
                legal,
                provider,
                where.placedIn(),
                where.distance(),
                where.homeArea(),
                atHome,
                friends,
                sgo,
                trend,
                from,
                to);
    }
}
