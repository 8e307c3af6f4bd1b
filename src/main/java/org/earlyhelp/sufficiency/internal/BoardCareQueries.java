package org.earlyhelp.sufficiency.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.sufficiency.PlacementCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Children in care on given days, counted once each, and by placement category on one day. */
@Repository
public class BoardCareQueries {

    private final JdbcClient jdbc;

    BoardCareQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The children in care on each day (in care on a day: started by it and not ended by it). */
    public Map<LocalDate, Integer> inCare(List<LocalDate> days) {
        Map<LocalDate, Integer> counts = new HashMap<>();
        if (days.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT d.day, count(DISTINCT e.child_id) FROM unnest(CAST(:days AS date[])) AS d(day)
                        JOIN sufficiency.episode e ON e.started_on <= d.day AND (e.ended_on IS NULL OR e.ended_on > d.day)
                        GROUP BY d.day""")
                .param("days", days.stream().map(Date::valueOf).toArray(Date[]::new))
                .query((rs, n) -> counts.put(rs.getDate(1).toLocalDate(), rs.getInt(2)))
                .list();
        return counts;
    }

    /**
     * The children in care on the day by the category of their placement, each child once (by the
     * earliest of any overlapping episodes, as the care stock counts them).
     */
    public Map<PlacementCategory, Integer> byCategory(LocalDate day) {
        Map<PlacementCategory, Integer> counts = new EnumMap<>(PlacementCategory.class);
        jdbc.sql("""
                        SELECT e.placement, count(*) FROM (
                            SELECT DISTINCT ON (x.child_id) x.placement FROM sufficiency.episode x
                            WHERE x.started_on <= :d AND (x.ended_on IS NULL OR x.ended_on > :d)
                            ORDER BY x.child_id, x.started_on) e
                        GROUP BY e.placement""")
                .param("d", Date.valueOf(day))
                .query((rs, n) -> counts.merge(
                        PlacementCategory.of903(
                                Optional.ofNullable(rs.getString(1)).orElse("")),
                        rs.getInt(2),
                        Integer::sum))
                .list();
        return counts;
    }

    /** The last day the returns cover, if any are imported. */
    public Optional<LocalDate> dataEnd() {
        return jdbc.sql("SELECT max(greatest(started_on, coalesce(ended_on, started_on))) FROM sufficiency.episode")
                .query(LocalDate.class)
                .optional();
    }
}
