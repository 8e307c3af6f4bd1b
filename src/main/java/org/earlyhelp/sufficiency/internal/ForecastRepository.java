package org.earlyhelp.sufficiency.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.sufficiency.Forecasts.Scenario;
import org.earlyhelp.sufficiency.FosterCarers.Carer;
import org.earlyhelp.sufficiency.PlacementCategory;
import org.earlyhelp.sufficiency.internal.StockFlowModel.Spell;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the forecasts read and keep: the children's spells in care from the returns, weekly costs
 * and who provides each placement, providers' places by postcode, saved scenarios and the foster
 * carers' register.
 */
@Repository
public class ForecastRepository {

    private final JdbcClient jdbc;

    ForecastRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last day the returns cover, if any are imported. */
    public Optional<LocalDate> dataEnd() {
        return jdbc.sql("SELECT max(greatest(started_on, coalesce(ended_on, started_on))) FROM sufficiency.episode")
                .query(LocalDate.class)
                .optional();
    }

    /** Every child's spells in care, by the child's id, in the order they started. */
    public Map<String, List<Spell>> spells() {
        Map<String, List<Spell>> children = new HashMap<>();
        jdbc.sql("""
                        SELECT e.child_id, c.born_on, e.started_on, e.ended_on, e.placement, e.reason_ended
                        FROM sufficiency.episode e JOIN sufficiency.child c ON c.child_id = e.child_id
                        ORDER BY e.child_id, e.started_on""")
                .query((rs, n) -> children.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Spell(
                                rs.getString(1),
                                rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class),
                                rs.getString(5),
                                rs.getString(6))))
                .list();
        return children;
    }

    /** The weekly cost of a placement by category and provider group ("own", "external", "family"). */
    public Map<PlacementCategory, Map<String, Double>> weeklyCosts() {
        Map<PlacementCategory, Map<String, Double>> weekly = new LinkedHashMap<>();
        jdbc.sql("SELECT category, provider_group, weekly_cost FROM sufficiency.weekly_cost")
                .query((rs, n) -> weekly.computeIfAbsent(
                                PlacementCategory.stored(rs.getString(1)), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getDouble(3)))
                .list();
        return weekly;
    }

    /** The children placed on a date, by category and provider group ("own", "external", "family"). */
    public Map<PlacementCategory, Map<String, Long>> providerGroups(LocalDate on) {
        Map<PlacementCategory, Map<String, Long>> shares = new HashMap<>();
        jdbc.sql("""
                        SELECT placement, CASE WHEN provider = 'PR1' THEN 'own' WHEN provider = 'PR0' THEN 'family' ELSE 'external' END,
                               count(*) FROM sufficiency.episode
                        WHERE started_on <= ? AND (ended_on IS NULL OR ended_on > ?) GROUP BY 1, 2""")
                .params(on, on)
                .query((rs, n) -> shares.computeIfAbsent(PlacementCategory.of903(rs.getString(1)), k -> new HashMap<>())
                        .merge(rs.getString(2), rs.getLong(3), Long::sum))
                .list();
        return shares;
    }

    /** Listed providers' places at one postcode as listed (none when the list gives none). */
    public record PostcodePlaces(@Nullable String postcode, long places) {}

    /** Listed providers' places, summed by postcode as listed. */
    public List<PostcodePlaces> providerPlacesByPostcode() {
        return jdbc.sql(
                        "SELECT postcode, sum(places) FROM sufficiency.provider WHERE places IS NOT NULL GROUP BY postcode")
                .query((rs, n) -> new PostcodePlaces(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** The saved scenarios, oldest first. */
    public List<Scenario> scenarios() {
        return jdbc.sql("""
                        SELECT id, name, entry_factor, entries_added_a_year, exit_factor, move_factor, discharge_at_home,
                               friends_to_sgo, early_help_reduction FROM sufficiency.scenario ORDER BY created_at""")
                .query((rs, n) -> new Scenario(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getDouble(9)))
                .list();
    }

    /**
     * Saves a scenario under a new id.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a scenario has the name already
     */
    public void insertScenario(UUID id, Scenario s, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO sufficiency.scenario (id, name, entry_factor, entries_added_a_year, exit_factor, move_factor,
                          discharge_at_home, friends_to_sgo, early_help_reduction, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        s.name().strip(),
                        s.entryFactor(),
                        s.entriesAddedAYear(),
                        s.exitFactor(),
                        s.moveFactor(),
                        s.dischargeCareOrdersAtHome(),
                        s.familyAndFriendsToSgo(),
                        s.earlyHelpEntryReduction(),
                        by,
                        Timestamp.from(at))
                .update();
    }

    public void deleteScenario(UUID id) {
        jdbc.sql("DELETE FROM sufficiency.scenario WHERE id = ?").param(id).update();
    }

    /** The foster carers' register, by reference. */
    public List<Carer> carers() {
        return jdbc.sql("""
                        SELECT reference, kind, approved_places, vacancies, age_from, age_to
                        FROM sufficiency.foster_carer ORDER BY reference""")
                .query((rs, n) -> new Carer(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** Adds a carer, or updates the one with the same reference. */
    public void upsertCarer(Carer c) {
        jdbc.sql("""
                        INSERT INTO sufficiency.foster_carer (reference, kind, approved_places, vacancies, age_from, age_to)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO UPDATE SET kind = excluded.kind,
                          approved_places = excluded.approved_places, vacancies = excluded.vacancies,
                          age_from = excluded.age_from, age_to = excluded.age_to""")
                .params(c.reference().strip(), c.kind(), c.approvedPlaces(), c.vacancies(), c.ageFrom(), c.ageTo())
                .update();
    }

    public void deleteCarer(String reference) {
        jdbc.sql("DELETE FROM sufficiency.foster_carer WHERE reference = ?")
                .param(reference)
                .update();
    }
}
