package org.earlyhelp.hubs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.ServiceCategory;
import org.earlyhelp.hubs.ServiceListing;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service directory in the {@code hubs} schema. */
@Repository
public class ServiceRepository {

    /** A listing with where it is, when known (its own coordinates, or its postcode's area). */
    public record Located(
            ServiceListing listing,
            @Nullable Double latitude,
            @Nullable Double longitude) {}

    private final JdbcClient jdbc;

    ServiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Located> search(
            Collection<HubId> hubs,
            @Nullable OutcomeArea need,
            Collection<ServiceCategory> categories,
            @Nullable String text,
            @Nullable Integer limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.*, o.name AS organisation_name,
                       coalesce(s.latitude, a.centroid_lat) AS lat, coalesce(s.longitude, a.centroid_lon) AS lon
                FROM hubs.service s JOIN hubs.organisation o ON o.id = s.organisation_id
                LEFT JOIN hubs.postcode p ON p.postcode = s.postcode LEFT JOIN hubs.area a ON a.code = p.area_code
                WHERE s.hub_id = ANY (?)""");
        List<Object> params = new ArrayList<>();
        params.add(hubs.stream().map(HubId::value).toArray(String[]::new));
        if (need != null) {
            sql.append(" AND ? = ANY (s.needs)");
            params.add(need.name());
        }
        if (!categories.isEmpty()) {
            sql.append(" AND s.category = ANY (?)");
            params.add(categories.stream().map(Enum::name).toArray(String[]::new));
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND (s.name ILIKE ? OR s.description ILIKE ? OR o.name ILIKE ?)");
            String like = "%" + text.strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        sql.append(" ORDER BY s.name");
        if (limit != null) {
            sql.append(" LIMIT ?");
            params.add(limit);
        }
        return jdbc.sql(sql.toString())
                .params(params)
                .query(ServiceRepository::located)
                .list();
    }

    public boolean exists(HubId hub, String name) {
        return jdbc.sql("SELECT count(*) FROM hubs.service WHERE hub_id = ? AND name = ?")
                        .params(hub.value(), name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void insert(ServiceListing s, String organisationId) {
        jdbc.sql("""
                        INSERT INTO hubs.service (id, hub_id, organisation_id, name, description, category, needs,
                          eligibility, min_age, max_age, location_name, address, postcode, contact_phone, contact_email,
                          website, opening_times) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.id(),
                        s.hub().value(),
                        organisationId,
                        s.name(),
                        s.description(),
                        s.category().name(),
                        s.needs().stream().map(Enum::name).sorted().toArray(String[]::new),
                        s.eligibility(),
                        s.minAge(),
                        s.maxAge(),
                        s.locationName(),
                        s.address(),
                        s.postcode(),
                        s.contactPhone(),
                        s.contactEmail(),
                        s.website(),
                        s.openingTimes())
                .update();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM hubs.service WHERE id = ?").param(id).update() == 1;
    }

    /** The centre of the area a postcode lies in, as [latitude, longitude]. */
    public Optional<double[]> locate(String postcode) {
        return jdbc.sql("""
                        SELECT a.centroid_lat, a.centroid_lon FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE p.postcode = ? AND a.centroid_lat IS NOT NULL""")
                .param(postcode)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .optional();
    }

    private static Located located(ResultSet rs, int row) throws SQLException {
        ServiceListing listing = new ServiceListing(
                rs.getObject("id", UUID.class),
                new HubId(rs.getString("hub_id")),
                rs.getString("organisation_name"),
                rs.getString("name"),
                rs.getString("description"),
                ServiceCategory.valueOf(rs.getString("category")),
                Arrays.stream((String[]) rs.getArray("needs").getArray())
                        .map(OutcomeArea::valueOf)
                        .collect(Collectors.toSet()),
                rs.getString("eligibility"),
                rs.getObject("min_age", Integer.class),
                rs.getObject("max_age", Integer.class),
                rs.getString("location_name"),
                rs.getString("address"),
                rs.getString("postcode"),
                rs.getString("contact_phone"),
                rs.getString("contact_email"),
                rs.getString("website"),
                rs.getString("opening_times"),
                null);
        return new Located(listing, rs.getObject("lat", Double.class), rs.getObject("lon", Double.class));
    }
}
