package org.earlyhelp.hubs.openreferral;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hubs.internal.DirectoryRows.OrganisationRow;
import org.earlyhelp.hubs.internal.DirectoryRows.ServiceRow;
import org.jspecify.annotations.Nullable;

/**
 * A service, its organisation, schedules and locations as the Open Referral UK profile shapes
 * them in JSON: the listed form a page of results shows, and the full form of one service.
 */
final class ServiceJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ServiceJson() {}

    static Map<String, Object> organisation(OrganisationRow o) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", Taxonomies.organisationId(o.id()).toString());
        org.put("name", o.name());
        org.put("description", Taxonomies.organisationDescription(o.type()));
        return org;
    }

    /** A service as a list shows it: its own fields and its organisation. */
    static Map<String, Object> listed(ServiceRow r, Map<String, OrganisationRow> organisations) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", r.id().toString());
        s.put("organization_id", Taxonomies.organisationId(r.organisationId()).toString());
        s.put("name", r.name());
        s.put("description", r.description());
        if (!r.website().isBlank()) {
            s.put("url", r.website());
        }
        if (!r.email().isBlank()) {
            s.put("email", r.email());
        }
        s.put("status", "active");
        if (r.minAge() != null) {
            s.put("minimum_age", r.minAge());
        }
        if (r.maxAge() != null) {
            s.put("maximum_age", r.maxAge());
        }
        OrganisationRow organisation = organisations.get(r.organisationId());
        if (organisation != null) {
            s.put("organization", organisation(organisation));
        }
        return s;
    }

    /** A service in full: where, when, for whom, and the taxonomy terms it is filed under. */
    static Map<String, Object> full(ServiceRow r, Map<String, OrganisationRow> organisations) {
        Map<String, Object> s = listed(r, organisations);
        String id = r.id().toString();
        s.put("schedules", schedules(r));
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("id", Taxonomies.id("service-area/" + id).toString());
        area.put("service_id", id);
        area.put("name", r.hubName());
        area.put("extent_type", "family hub area");
        s.put("service_areas", List.of(area));
        s.put("service_at_locations", locations(r));
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(attribute(id, Taxonomies.term(r.category())));
        r.needs().stream().sorted().forEach(n -> attributes.add(attribute(id, Taxonomies.term(n))));
        s.put("attributes", attributes);
        return s;
    }

    private static Map<String, Object> attribute(String serviceId, Map<String, Object> term) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(
                "id",
                Taxonomies.id("attribute/" + serviceId + "/" + term.get("id")).toString());
        a.put("link_id", serviceId);
        a.put("taxonomy_term_id", term.get("id"));
        a.put("link_type", "service");
        a.put("taxonomy_term", term);
        return a;
    }

    private static List<Map<String, Object>> schedules(ServiceRow r) {
        if (r.openingTimes().isBlank()) {
            return List.of();
        }
        String id = r.id().toString();
        List<OpeningTimes.Weekly> weekly = OpeningTimes.read(r.openingTimes());
        List<Map<String, Object>> schedules = new ArrayList<>();
        if (weekly.isEmpty()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", Taxonomies.id("schedule/" + id).toString());
            s.put("service_id", id);
            s.put("description", r.openingTimes());
            schedules.add(s);
        }
        for (int i = 0; i < weekly.size(); i++) {
            OpeningTimes.Weekly w = weekly.get(i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", Taxonomies.id("schedule/" + id + "/" + i).toString());
            s.put("service_id", id);
            s.put("freq", "WEEKLY");
            s.put("interval", 1);
            s.put("byday", w.byDay());
            s.put("opens_at", time(w.opens()));
            s.put("closes_at", time(w.closes()));
            s.put("description", r.openingTimes());
            s.put("attending_type", "in person");
            schedules.add(s);
        }
        return schedules;
    }

    private static String time(LocalTime t) {
        return t.format(TIME);
    }

    private static List<Map<String, Object>> locations(ServiceRow r) {
        if (r.locationName().isBlank() && r.address().isBlank() && r.postcode() == null) {
            return List.of();
        }
        String serviceId = r.id().toString();
        String locationId = Taxonomies.id("location/" + serviceId).toString();
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("id", locationId);
        location.put("location_type", "physical");
        location.put("name", r.locationName().isBlank() ? r.name() : r.locationName());
        if (!r.address().isBlank()) {
            location.put("description", r.address());
        }
        if (r.latitude() != null && r.longitude() != null) {
            location.put("latitude", r.latitude());
            location.put("longitude", r.longitude());
        }
        Optional<Map<String, Object>> address = postal(locationId, r.address(), r.postcode());
        address.ifPresent(a -> location.put("addresses", List.of(a)));
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("id", Taxonomies.id("service-at-location/" + serviceId).toString());
        at.put("service_id", serviceId);
        at.put("location_id", locationId);
        at.put("location", location);
        return List.of(at);
    }

    /**
     * A postal address, when the directory has one a letter could reach: a postcode, and an
     * address whose last comma-separated part names the town. Otherwise the address stays in the
     * location's description only, rather than be sent with invented parts.
     */
    static Optional<Map<String, Object>> postal(String locationId, String address, @Nullable String postcode) {
        int comma = address.lastIndexOf(',');
        if (postcode == null || comma <= 0 || address.substring(comma + 1).isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", Taxonomies.id("address/" + locationId).toString());
        a.put("location_id", locationId);
        a.put("address_1", address.substring(0, comma).strip());
        a.put("city", address.substring(comma + 1).strip());
        a.put("state_province", "England");
        a.put("postal_code", postcode);
        a.put("country", "GB");
        a.put("address_type", "physical");
        return Optional.of(a);
    }
}
