package org.earlyhelp.sufficiency;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    static final String PLACEMENT_GROUP = """
            CASE WHEN e.placement = 'P1' THEN 'Placed with parents'
                 WHEN e.placement IN ('U1', 'U2', 'U3') THEN 'Family and friends fostering'
                 WHEN e.placement IN ('U4', 'U5', 'U6') THEN 'Other fostering'
                 WHEN e.placement IN ('K1', 'K2') THEN 'Children''s homes'
                 WHEN e.placement IN ('H5', 'K3', 'P2') THEN 'Supported and independent living'
                 WHEN e.placement IN ('A3', 'A4', 'A5', 'A6') THEN 'Placed for adoption'
                 WHEN e.placement = 'S1' THEN 'Residential schools'
                 WHEN e.placement IN ('R1', 'R2', 'R3', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4') THEN 'Secure, health and temporary'
                 ELSE 'Other placements' END""";

    /**
     * The children in care on {@code :d}, one episode each (the earliest of any that overlap), so
     * children are counted once; ends with a WHERE clause that callers may extend with AND.
     */
    static final String IN_CARE = """
            FROM (SELECT DISTINCT ON (x.child_id) x.* FROM sufficiency.episode x
                  WHERE x.started_on <= :d AND (x.ended_on IS NULL OR x.ended_on > :d)
                  ORDER BY x.child_id, x.started_on) e
            JOIN sufficiency.child c ON c.child_id = e.child_id
            WHERE true
            """;

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final Whereabouts whereabouts;

    CareStock(JdbcClient jdbc, CurrentUsers currentUsers, Whereabouts whereabouts) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.whereabouts = whereabouts;
    }

    /** The children in care on the date, counted as {@link #on} counts them, and nothing else. */
    @Transactional(readOnly = true)
    public long total(LocalDate date) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return jdbc.sql("SELECT count(*) " + IN_CARE)
                .param("d", date)
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    public Snapshot on(LocalDate date) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        long total = jdbc.sql("SELECT count(*) " + IN_CARE)
                .param("d", date)
                .query(Long.class)
                .single();
        Map<String, Long> placement = group(PLACEMENT_GROUP, date);
        Map<String, Long> age = group("""
                CASE WHEN age(:d, c.born_on) < interval '1 year' THEN '1. Under 1'
                     WHEN age(:d, c.born_on) < interval '5 years' THEN '2. 1 to 4'
                     WHEN age(:d, c.born_on) < interval '10 years' THEN '3. 5 to 9'
                     WHEN age(:d, c.born_on) < interval '16 years' THEN '4. 10 to 15'
                     ELSE '5. 16 and over' END""", date);
        Map<String, Long> legal = group("""
                CASE WHEN e.legal_status IN ('C1', 'C2') THEN 'Care order'
                     WHEN e.legal_status = 'E1' THEN 'Placement order'
                     WHEN e.legal_status = 'V2' THEN 'Accommodated with agreement (section 20)'
                     WHEN e.legal_status IN ('J1', 'J2', 'J3', 'L1', 'L2', 'L3') THEN 'Police protection, remand or youth justice'
                     ELSE 'Other' END""", date);
        Map<String, Long> provider = group("""
                CASE e.provider WHEN 'PR0' THEN 'Parents or person with parental responsibility'
                     WHEN 'PR1' THEN 'Own council' WHEN 'PR2' THEN 'Other council' WHEN 'PR3' THEN 'Other public provider'
                     WHEN 'PR4' THEN 'Private provider' WHEN 'PR5' THEN 'Voluntary or third sector'
                     ELSE 'Not recorded' END""", date);
        Whereabouts.Counts where = whereabouts.on(date);
        long atHome = jdbc.sql("SELECT count(*) " + IN_CARE + " AND e.legal_status = 'C2' AND e.placement = 'P1'")
                .param("d", date)
                .query(Long.class)
                .single();
        long friends = jdbc.sql("SELECT count(*) " + IN_CARE + " AND e.placement IN ('U1', 'U2', 'U3')")
                .param("d", date)
                .query(Long.class)
                .single();
        // Long-term fostering under a care order, in the same placement for two years or more:
        // where a special guardianship order might give the child permanence outside care.
        long sgo = jdbc.sql("SELECT count(*) " + IN_CARE + """
                         AND e.legal_status = 'C2' AND e.placement IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
                         AND e.started_on <= :d - interval '2 years'""")
                .param("d", date)
                .query(Long.class)
                .single();
        Map<YearMonth, Long> trend = new LinkedHashMap<>();
        for (int i = 23; i >= 0; i--) {
            LocalDate monthEnd = YearMonth.from(date).minusMonths(i).atEndOfMonth();
            if (monthEnd.isAfter(date)) {
                monthEnd = date;
            }
            trend.put(
                    YearMonth.from(monthEnd),
                    jdbc.sql("SELECT count(*) " + IN_CARE)
                            .param("d", monthEnd)
                            .query(Long.class)
                            .single());
        }
        Optional<LocalDate> from = jdbc.sql("SELECT min(started_on) FROM sufficiency.episode")
                .query(LocalDate.class)
                .optional();
        Optional<LocalDate> to = jdbc.sql(
                        "SELECT max(greatest(started_on, coalesce(ended_on, started_on))) FROM sufficiency.episode")
                .query(LocalDate.class)
                .optional();
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

    private Map<String, Long> group(String expression, LocalDate date) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + expression + " AS g, count(*) " + IN_CARE + " GROUP BY g ORDER BY g")
                .param("d", date)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }
}
