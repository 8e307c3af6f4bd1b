package org.earlyhelp.hubs.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.ServiceCategory;
import org.earlyhelp.shared.OrganisationType;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The public parts of the directory, read for the Open Referral API: services and organisations. */
@Repository
public class DirectoryRows {

    /** A service with its hub's name and where it is, if known. */
    public record ServiceRow(
            UUID id,
            String hubName,
            String organisationId,
            String name,
            String description,
            ServiceCategory category,
            Set<OutcomeArea> needs,
            @Nullable Integer minAge,
            @Nullable Integer maxAge,
            String locationName,
            String address,
            @Nullable String postcode,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable Double areaLatitude,
            @Nullable Double areaLongitude,
            String email,
            String website,
            String openingTimes) {}

    /** A partner organisation. */
    public record OrganisationRow(String id, String name, OrganisationType type) {}

    private static final String SERVICES = """
            SELECT s.id, h.name AS hub_name, s.organisation_id, s.name, s.description, s.category, s.needs,
                   s.min_age, s.max_age, s.location_name, s.address, s.postcode, s.latitude, s.longitude,
                   a.centroid_lat, a.centroid_lon, s.contact_email, s.website, s.opening_times
            FROM hubs.service s JOIN hubs.hub h ON h.id = s.hub_id
            LEFT JOIN hubs.postcode p ON p.postcode = s.postcode LEFT JOIN hubs.area a ON a.code = p.area_code""";

    private final JdbcClient jdbc;

    DirectoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every service, by name then id (a stable order for paging). */
    public List<ServiceRow> services() {
        return jdbc.sql(SERVICES + " ORDER BY s.name, s.id")
                .query(DirectoryRows::service)
                .list();
    }

    /** The services of the hub that covers a postcode. */
    public List<ServiceRow> servicesOfHub(String hubId) {
        return jdbc.sql(SERVICES + " WHERE s.hub_id = ? ORDER BY s.name, s.id")
                .param(hubId)
                .query(DirectoryRows::service)
                .list();
    }

    public Optional<ServiceRow> service(UUID id) {
        return jdbc.sql(SERVICES + " WHERE s.id = ?")
                .param(id)
                .query(DirectoryRows::service)
                .optional();
    }

    /** Organisations that run at least one service in the directory, by name. */
    public List<OrganisationRow> organisations() {
        return jdbc.sql("""
                        SELECT o.id, o.name, o.type FROM hubs.organisation o
                        WHERE EXISTS (SELECT 1 FROM hubs.service s WHERE s.organisation_id = o.id)
                        ORDER BY o.name, o.id""")
                .query((rs, n) -> new OrganisationRow(
                        rs.getString("id"), rs.getString("name"), OrganisationType.valueOf(rs.getString("type"))))
                .list();
    }

    private static ServiceRow service(ResultSet rs, int row) throws SQLException {
        Array needs = rs.getArray("needs");
        return new ServiceRow(
                rs.getObject("id", UUID.class),
                rs.getString("hub_name"),
                rs.getString("organisation_id"),
                rs.getString("name"),
                rs.getString("description"),
                ServiceCategory.valueOf(rs.getString("category")),
                Arrays.stream((String[]) needs.getArray())
                        .map(OutcomeArea::valueOf)
                        .collect(Collectors.toSet()),
                rs.getObject("min_age", Integer.class),
                rs.getObject("max_age", Integer.class),
                rs.getString("location_name"),
                rs.getString("address"),
                rs.getString("postcode"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getObject("centroid_lat", Double.class),
                rs.getObject("centroid_lon", Double.class),
                rs.getString("contact_email"),
                rs.getString("website"),
                rs.getString("opening_times"));
    }
}
