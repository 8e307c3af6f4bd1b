package org.earlyhelp.sufficiency.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The children in care on a date, counted from the imported returns one episode each (the
 * earliest of any that overlap the date), and broken down as the sufficiency pages show them.
 */
@Repository
public class StockQueries {

    private static final String PLACEMENT_GROUP = """
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
    private static final String IN_CARE = """
            FROM (SELECT DISTINCT ON (x.child_id) x.* FROM sufficiency.episode x
                  WHERE x.started_on <= :d AND (x.ended_on IS NULL OR x.ended_on > :d)
                  ORDER BY x.child_id, x.started_on) e
            JOIN sufficiency.child c ON c.child_id = e.child_id
            WHERE true
            """;

    private static final String AGE_GROUP = """
                CASE WHEN age(:d, c.born_on) < interval '1 year' THEN '1. Under 1'
                     WHEN age(:d, c.born_on) < interval '5 years' THEN '2. 1 to 4'
                     WHEN age(:d, c.born_on) < interval '10 years' THEN '3. 5 to 9'
                     WHEN age(:d, c.born_on) < interval '16 years' THEN '4. 10 to 15'
                     ELSE '5. 16 and over' END""";

    private static final String LEGAL_GROUP = """
                CASE WHEN e.legal_status IN ('C1', 'C2') THEN 'Care order'
                     WHEN e.legal_status = 'E1' THEN 'Placement order'
                     WHEN e.legal_status = 'V2' THEN 'Accommodated with agreement (section 20)'
                     WHEN e.legal_status IN ('J1', 'J2', 'J3', 'L1', 'L2', 'L3') THEN 'Police protection, remand or youth justice'
                     ELSE 'Other' END""";

    private static final String PROVIDER_GROUP = """
                CASE e.provider WHEN 'PR0' THEN 'Parents or person with parental responsibility'
                     WHEN 'PR1' THEN 'Own council' WHEN 'PR2' THEN 'Other council' WHEN 'PR3' THEN 'Other public provider'
                     WHEN 'PR4' THEN 'Private provider' WHEN 'PR5' THEN 'Voluntary or third sector'
                     ELSE 'Not recorded' END""";

    /** The children in care on a date, by the postcodes of their home and their placement. */
    public record PostcodePair(
            @Nullable String home, @Nullable String placement, long children) {}

    private final JdbcClient jdbc;

    StockQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many children are in care on the date. */
    public long inCare(LocalDate date) {
        return jdbc.sql("SELECT count(*) " + IN_CARE)
                .param("d", date)
                .query(Long.class)
                .single();
    }

    public Map<String, Long> byPlacementGroup(LocalDate date) {
        return group(PLACEMENT_GROUP, date);
    }

    public Map<String, Long> byAge(LocalDate date) {
        return group(AGE_GROUP, date);
    }

    public Map<String, Long> byLegalStatus(LocalDate date) {
        return group(LEGAL_GROUP, date);
    }

    public Map<String, Long> byProvider(LocalDate date) {
        return group(PROVIDER_GROUP, date);
    }

    /** Children on a care order placed with their parents. */
    public long careOrdersAtHome(LocalDate date) {
        return jdbc.sql("SELECT count(*) " + IN_CARE + " AND e.legal_status = 'C2' AND e.placement = 'P1'")
                .param("d", date)
                .query(Long.class)
                .single();
    }

    /** Children in family and friends fostering. */
    public long familyAndFriends(LocalDate date) {
        return jdbc.sql("SELECT count(*) " + IN_CARE + " AND e.placement IN ('U1', 'U2', 'U3')")
                .param("d", date)
                .query(Long.class)
                .single();
    }

    /**
     * Long-term fostering under a care order, in the same placement for two years or more: where a
     * special guardianship order might give the child permanence outside care.
     */
    public long couldBeSpecialGuardianship(LocalDate date) {
        return jdbc.sql("SELECT count(*) " + IN_CARE + """
                         AND e.legal_status = 'C2' AND e.placement IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
                         AND e.started_on <= :d - interval '2 years'""")
                .param("d", date)
                .query(Long.class)
                .single();
    }

    /** The first day the returns cover. */
    public Optional<LocalDate> dataFrom() {
        return jdbc.sql("SELECT min(started_on) FROM sufficiency.episode")
                .query(LocalDate.class)
                .optional();
    }

    /** The last day the returns cover. */
    public Optional<LocalDate> dataTo() {
        return jdbc.sql("SELECT max(greatest(started_on, coalesce(ended_on, started_on))) FROM sufficiency.episode")
                .query(LocalDate.class)
                .optional();
    }

    /** The children in care on the date, by pair of home and placement postcodes as the returns give them. */
    public List<PostcodePair> postcodePairs(LocalDate date) {
        return jdbc.sql("SELECT e.home_postcode, e.placement_postcode, count(*) " + IN_CARE + " GROUP BY 1, 2")
                .param("d", date)
                .query((rs, n) -> new PostcodePair(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
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
