package org.earlyhelp.sufficiency.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.earlyhelp.sufficiency.PlacementCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The places and weekly costs the council keeps, by placement category. */
@Repository
public class SupplyRepository {

    private final JdbcClient jdbc;

    SupplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Weekly cost by category and provider group (own, external, family). */
    public Map<PlacementCategory, Map<String, Double>> weeklyCosts() {
        Map<PlacementCategory, Map<String, Double>> costs = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT category, provider_group, weekly_cost FROM sufficiency.weekly_cost ORDER BY category, provider_group")
                .query((rs, n) -> costs.computeIfAbsent(
                                PlacementCategory.stored(rs.getString(1)), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getDouble(3)))
                .list();
        return costs;
    }

    /** Sets the council's own weekly cost; whether there was such a row. */
    public boolean setWeeklyCost(PlacementCategory category, String group, double cost) {
        return jdbc.sql("""
                        UPDATE sufficiency.weekly_cost SET weekly_cost = ?, source = 'set by the council'
                        WHERE category = ? AND provider_group = ?""").params(cost, category.english(), group).update() == 1;
    }

    /** Places by category, where the council has said how many. */
    public Map<PlacementCategory, Integer> supply() {
        Map<PlacementCategory, Integer> supply = new LinkedHashMap<>();
        jdbc.sql("SELECT category, places FROM sufficiency.supply")
                .query((rs, n) -> supply.put(PlacementCategory.stored(rs.getString(1)), rs.getInt(2)))
                .list();
        return supply;
    }

    /** The council's own figure, replacing a demonstration figure's note. */
    public void setSupply(PlacementCategory category, int places) {
        jdbc.sql("""
                        INSERT INTO sufficiency.supply (category, places) VALUES (?, ?)
                        ON CONFLICT (category) DO UPDATE SET places = excluded.places, note = NULL""").params(category.english(), places).update();
    }
}
