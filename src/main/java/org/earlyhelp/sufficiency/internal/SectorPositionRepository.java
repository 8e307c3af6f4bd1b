package org.earlyhelp.sufficiency.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each postcode sector's mean position, for distances from home. */
@Repository
public class SectorPositionRepository {

    private final JdbcClient jdbc;

    SectorPositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM sufficiency.sector_position")
                .query(Integer.class)
                .single();
    }

    /** Replaces every position with these rows: sector, latitude, longitude, postcodes. */
    public void replaceAll(List<Object[]> values) {
        jdbc.sql("DELETE FROM sufficiency.sector_position").update();
        Rows.insertAll(
                jdbc, "INSERT INTO sufficiency.sector_position (sector, latitude, longitude, postcodes)", 4, values);
    }

    /** Every position held, as latitude and longitude, by sector. */
    public Map<String, double[]> all() {
        Map<String, double[]> positions = new LinkedHashMap<>();
        jdbc.sql("SELECT sector, latitude, longitude FROM sufficiency.sector_position")
                .query((rs, n) -> positions.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)}))
                .list();
        return positions;
    }
}
