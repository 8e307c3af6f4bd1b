package org.earlyhelp.hubs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hubs.PostcodeSectors.Sector;
import org.earlyhelp.shared.HubId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The borough's postcode sectors, worked out from the postcode lookup and the areas' centroids. */
@Repository
public class SectorQueries {

    private final JdbcClient jdbc;

    SectorQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every sector with a located area, by sector: at the mean centroid of its postcodes' areas, and
     * given to the hub that covers most of them.
     */
    public Map<String, Sector> sectors() {
        Map<String, Sector> sectors = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH s AS (
                          SELECT split_part(p.postcode, ' ', 1) || ' ' || left(split_part(p.postcode, ' ', 2), 1) AS sector,
                                 a.centroid_lat, a.centroid_lon, a.hub_id
                          FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                          WHERE a.centroid_lat IS NOT NULL AND a.centroid_lon IS NOT NULL),
                        located AS (
                          SELECT sector, avg(centroid_lat) AS lat, avg(centroid_lon) AS lon,
                                 mode() WITHIN GROUP (ORDER BY hub_id) AS hub_id
                          FROM s GROUP BY sector)
                        SELECT l.sector, l.lat, l.lon, h.id, h.name
                        FROM located l LEFT JOIN hubs.hub h ON h.id = l.hub_id
                        ORDER BY l.sector""")
                .query((rs, n) -> sectors.put(
                        rs.getString(1),
                        new Sector(
                                rs.getString(1),
                                rs.getDouble(2),
                                rs.getDouble(3),
                                Optional.ofNullable(rs.getString(4)).map(HubId::new),
                                Optional.ofNullable(rs.getString(5)))))
                .list();
        return sectors;
    }
}
