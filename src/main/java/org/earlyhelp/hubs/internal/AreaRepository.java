package org.earlyhelp.hubs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hubs.AreaSummary;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Areas and wards in the {@code hubs} schema. */
@Repository
public class AreaRepository {

    private final JdbcClient jdbc;

    AreaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A ward and how many areas it holds. */
    public record WardRow(String code, String name, int areas) {}

    public List<AreaSummary> find(
            @Nullable String text, @Nullable String wardCode, @Nullable HubId hub, boolean unassigned) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.code, a.name, a.population, a.children, a.imd_decile, a.ward_code, w.name AS ward_name,
                       a.hub_id, a.boundary IS NOT NULL AS has_boundary, a.version
                FROM hubs.area a LEFT JOIN hubs.ward w ON w.code = a.ward_code WHERE true""");
        List<Object> params = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            sql.append(" AND (a.code ILIKE ? OR a.name ILIKE ?)");
            String like = "%" + text.strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        if (wardCode != null) {
            sql.append(" AND a.ward_code = ?");
            params.add(wardCode);
        }
        if (hub != null) {
            sql.append(" AND a.hub_id = ?");
            params.add(hub.value());
        }
        if (unassigned) {
            sql.append(" AND a.hub_id IS NULL");
        }
        sql.append(" ORDER BY w.name NULLS LAST, a.name");
        return jdbc.sql(sql.toString())
                .params(params)
                .query(AreaRepository::area)
                .list();
    }

    public List<WardRow> wards() {
        return jdbc.sql("""
                        SELECT w.code, w.name, count(a.code) AS areas FROM hubs.ward w
                        LEFT JOIN hubs.area a ON a.ward_code = w.code GROUP BY w.code, w.name ORDER BY w.name""")
                .query((rs, n) -> new WardRow(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** Moves one area to a hub if it is still at the version given; returns whether it did. */
    public boolean assign(String code, int version, HubId hub) {
        return jdbc.sql("UPDATE hubs.area SET hub_id = ?, version = version + 1 WHERE code = ? AND version = ?")
                        .params(hub.value(), code, version)
                        .update()
                == 1;
    }

    /** Moves every area of a ward to a hub; returns how many. */
    public int assignWard(String wardCode, HubId hub) {
        return jdbc.sql("UPDATE hubs.area SET hub_id = ?, version = version + 1 WHERE ward_code = ?")
                .params(hub.value(), wardCode)
                .update();
    }

    /** Per hub: areas, population and children of its areas. */
    public record Totals(String hubId, int areas, long population, long children) {}

    /**
     * Whether area {@code a} counts towards its hub's totals: a hub's demonstration areas stand in
     * for it only until it has real areas.
     */
    static final String COUNTS_FOR_ITS_HUB = "(a.code NOT LIKE '" + DemoAreas.PREFIX + "%' OR NOT EXISTS"
            + " (SELECT 1 FROM hubs.area r WHERE r.hub_id = a.hub_id AND r.code NOT LIKE '" + DemoAreas.PREFIX
            + "%'))";

    public List<Totals> totals() {
        return jdbc.sql("SELECT a.hub_id, count(*), sum(a.population), sum(a.children) FROM hubs.area a"
                        + " WHERE a.hub_id IS NOT NULL AND " + COUNTS_FOR_ITS_HUB + " GROUP BY a.hub_id")
                .query((rs, n) -> new Totals(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** An area's outline as stored (GeoJSON geometry), with what the map shows of it. */
    public record Outline(
            String code,
            String name,
            @Nullable String hubId,
            @Nullable Integer imdDecile,
            int population,
            int children,
            String geometry) {}

    /**
     * The outlines of the areas that have one, in one hub or all. Demonstration areas are drawn
     * only where no real area has a boundary yet: once real areas are imported the map shows the
     * real borough, while the demonstration areas (which demonstration families still refer to)
     * stay in the tables.
     */
    public List<Outline> outlines(@Nullable HubId hub) {
        String scope = hub == null ? "" : " AND hub_id = ?";
        String sql = "SELECT code, name, hub_id, imd_decile, population, children, boundary::text FROM hubs.area"
                + " WHERE boundary IS NOT NULL" + scope
                + " AND (code NOT LIKE ? OR NOT EXISTS (SELECT 1 FROM hubs.area"
                + " WHERE boundary IS NOT NULL AND code NOT LIKE ?" + scope + ")) ORDER BY code";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        String demo = DemoAreas.PREFIX + "%";
        statement = hub == null ? statement.params(demo, demo) : statement.params(hub.value(), demo, demo, hub.value());
        return statement
                .query((rs, n) -> new Outline(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, Integer.class),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getString(7)))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM hubs.area").query(Long.class).single();
    }

    private static AreaSummary area(ResultSet rs, int row) throws SQLException {
        String hub = rs.getString("hub_id");
        Integer decile = rs.getObject("imd_decile", Integer.class);
        return new AreaSummary(
                rs.getString("code"),
                rs.getString("name"),
                rs.getInt("population"),
                rs.getInt("children"),
                decile,
                rs.getString("ward_code"),
                rs.getString("ward_name"),
                hub == null ? null : new HubId(hub),
                rs.getBoolean("has_boundary"),
                rs.getInt("version"));
    }
}
