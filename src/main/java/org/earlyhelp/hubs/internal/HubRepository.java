package org.earlyhelp.hubs.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubStatus;
import org.earlyhelp.hubs.Organisation;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OrganisationType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hubs and organisations in the {@code hubs} schema. */
@Repository
public class HubRepository {

    private static final String HUB_COLUMNS = "id, name, status, population, children, wards";

    private final JdbcClient jdbc;

    HubRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Hub> findAll() {
        return jdbc.sql("SELECT " + HUB_COLUMNS + " FROM hubs.hub ORDER BY name")
                .query(HubRepository::hub)
                .list();
    }

    public Optional<Hub> findById(HubId id) {
        return jdbc.sql("SELECT " + HUB_COLUMNS + " FROM hubs.hub WHERE id = ?")
                .param(id.value())
                .query(HubRepository::hub)
                .optional();
    }

    public boolean exists(HubId id) {
        return jdbc.sql("SELECT count(*) FROM hubs.hub WHERE id = ?")
                        .param(id.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void insert(Hub hub) {
        jdbc.sql("INSERT INTO hubs.hub (id, name, status, population, children, wards) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING")
                .params(
                        hub.id().value(),
                        hub.name(),
                        hub.status().name(),
                        hub.population(),
                        hub.children(),
                        hub.wards().toArray(String[]::new))
                .update();
    }

    public List<Organisation> findAllOrganisations() {
        return jdbc.sql("""
                        SELECT o.id, o.name, o.type,
                               coalesce(array_agg(oh.hub_id ORDER BY oh.hub_id) FILTER (WHERE oh.hub_id IS NOT NULL), '{}') AS hubs
                        FROM hubs.organisation o LEFT JOIN hubs.organisation_hub oh ON oh.organisation_id = o.id
                        GROUP BY o.id, o.name, o.type ORDER BY o.name""").query(HubRepository::organisation).list();
    }

    public Optional<Organisation> findOrganisation(OrganisationId id) {
        return jdbc.sql("""
                        SELECT o.id, o.name, o.type,
                               coalesce(array_agg(oh.hub_id ORDER BY oh.hub_id) FILTER (WHERE oh.hub_id IS NOT NULL), '{}') AS hubs
                        FROM hubs.organisation o LEFT JOIN hubs.organisation_hub oh ON oh.organisation_id = o.id
                        WHERE o.id = ? GROUP BY o.id, o.name, o.type""")
                .param(id.value())
                .query(HubRepository::organisation)
                .optional();
    }

    public void insert(Organisation organisation) {
        jdbc.sql("INSERT INTO hubs.organisation (id, name, type) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")
                .params(
                        organisation.id().value(),
                        organisation.name(),
                        organisation.type().name())
                .update();
        for (HubId hub : organisation.hubs()) {
            jdbc.sql("INSERT INTO hubs.organisation_hub (organisation_id, hub_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(organisation.id().value(), hub.value())
                    .update();
        }
    }

    /** Sets a hub's status if it is still at the version given; returns whether it did. */
    public boolean setStatus(HubId id, HubStatus status, int version) {
        return jdbc.sql("UPDATE hubs.hub SET status = ?, version = version + 1 WHERE id = ? AND version = ?")
                        .params(status.name(), id.value(), version)
                        .update()
                == 1;
    }

    /** Every hub's row version, by hub code, for detecting concurrent changes. */
    public Map<String, Integer> versions() {
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("SELECT id, version FROM hubs.hub")
                .query((rs, n) -> versions.put(rs.getString(1), rs.getInt(2)))
                .list();
        return versions;
    }

    /** Recomputes each hub's population and children from its areas, where it has any. */
    public void refreshTotals() {
        // A hub's demonstration areas stand in for it only until it has real areas.
        jdbc.sql("UPDATE hubs.hub h SET population = t.population, children = t.children, version = h.version + 1"
                        + " FROM (SELECT a.hub_id, sum(a.population) AS population, sum(a.children) AS children"
                        + " FROM hubs.area a WHERE a.hub_id IS NOT NULL AND " + AreaRepository.COUNTS_FOR_ITS_HUB
                        + " GROUP BY a.hub_id) t WHERE h.id = t.hub_id"
                        + " AND (h.population, h.children) IS DISTINCT FROM (t.population, t.children)")
                .update();
    }

    /** What covers a postcode: its area, and its hub when the area has one. */
    public record PostcodeRow(
            String areaCode,
            String areaName,
            @Nullable String hubId,
            @Nullable String hubName) {}

    /** Some postcodes of a hub's areas, in a stable order (demonstration data and benchmarks). */
    public List<String> postcodesIn(String hub, int limit) {
        return jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = ? ORDER BY p.postcode LIMIT ?""").params(hub, limit).query(String.class).list();
    }

    public Optional<PostcodeRow> findByPostcode(String postcode) {
        return jdbc.sql("""
                        SELECT a.code, a.name, h.id, h.name FROM hubs.postcode p
                        JOIN hubs.area a ON a.code = p.area_code LEFT JOIN hubs.hub h ON h.id = a.hub_id
                        WHERE p.postcode = ?""")
                .param(postcode)
                .query((rs, n) -> new PostcodeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    private static Hub hub(ResultSet rs, int row) throws SQLException {
        return new Hub(
                new HubId(rs.getString("id")),
                rs.getString("name"),
                HubStatus.valueOf(rs.getString("status")),
                rs.getInt("population"),
                rs.getInt("children"),
                strings(rs.getArray("wards")));
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        Set<HubId> hubs = strings(rs.getArray("hubs")).stream().map(HubId::new).collect(Collectors.toSet());
        return new Organisation(
                new OrganisationId(rs.getString("id")),
                rs.getString("name"),
                OrganisationType.valueOf(rs.getString("type")),
                hubs);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
