package org.earlyhelp.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data that every test on the shared application reads, as it was when taken: for a test that
 * must replace it (an import of the real borough's areas over the demonstration's, or of care
 * returns, providers or supply over the demonstration's) to put back when it is done, so that the tests after it find
 * the demonstration's data as they started, whatever order they run in.
 */
public final class SharedDataSnapshot {

    private final JdbcClient jdbc;
    /** The tables in the order they are cleared (a table before the tables it points at). */
    private final Map<String, List<Map<String, Object>>> rows;

    private final List<Map<String, Object>> hubs;

    private SharedDataSnapshot(
            JdbcClient jdbc, Map<String, List<Map<String, Object>>> rows, List<Map<String, Object>> hubs) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.hubs = hubs;
    }

    /** The borough: its postcodes, areas and wards, and each hub's figures drawn from them. */
    public static SharedDataSnapshot borough(JdbcClient jdbc) {
        return new SharedDataSnapshot(
                jdbc,
                rowsOf(jdbc, "hubs.postcode", "hubs.area", "hubs.ward"),
                jdbc.sql("SELECT id, population, children, wards, status, version FROM hubs.hub")
                        .query()
                        .listOfRows());
    }

    /**
     * Everything sufficiency holds: the care returns (children looked after, their episodes, the
     * imports recorded), providers, supply, foster carers, contracts, costs, sector positions and
     * saved scenarios.
     */
    public static SharedDataSnapshot sufficiency(JdbcClient jdbc) {
        return new SharedDataSnapshot(
                jdbc,
                rowsOf(
                        jdbc,
                        "sufficiency.episode",
                        "sufficiency.child",
                        "sufficiency.import_run",
                        "sufficiency.provider",
                        "sufficiency.supply",
                        "sufficiency.foster_carer",
                        "sufficiency.contract",
                        "sufficiency.weekly_cost",
                        "sufficiency.sector_position",
                        "sufficiency.scenario"),
                List.of());
    }

    private static Map<String, List<Map<String, Object>>> rowsOf(JdbcClient jdbc, String... tables) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.sql("SELECT * FROM " + table).query().listOfRows());
        }
        return rows;
    }

    /** Puts the data back as it was taken. */
    public void restore() {
        rows.keySet().forEach(table -> jdbc.sql("DELETE FROM " + table).update());
        for (String table : new ArrayList<>(rows.keySet()).reversed()) {
            for (Map<String, Object> row : rows.get(table)) {
                List<String> columns = new ArrayList<>(row.keySet());
                JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO " + table + " ("
                        + String.join(", ", columns) + ") VALUES ("
                        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")");
                for (String column : columns) {
                    insert = insert.param(row.get(column));
                }
                insert.update();
            }
        }
        for (Map<String, Object> hub : hubs) {
            jdbc.sql("UPDATE hubs.hub SET population = ?, children = ?, wards = ?, status = ?, version = ?"
                            + " WHERE id = ?")
                    .param(hub.get("population"))
                    .param(hub.get("children"))
                    .param(hub.get("wards"))
                    .param(hub.get("status"))
                    .param(hub.get("version"))
                    .param(hub.get("id"))
                    .update();
        }
    }
}
