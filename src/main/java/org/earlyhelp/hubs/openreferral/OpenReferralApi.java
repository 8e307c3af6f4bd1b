package org.earlyhelp.hubs.openreferral;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.hubs.PostcodeSectors;
import org.earlyhelp.hubs.internal.DirectoryRows;
import org.earlyhelp.hubs.internal.DirectoryRows.OrganisationRow;
import org.earlyhelp.hubs.internal.DirectoryRows.ServiceRow;
import org.earlyhelp.hubs.internal.ServiceRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service directory as a public, read-only Open Referral UK API (HSDS 3.0, UK profile):
 * {@code /}, {@code /services}, {@code /services/{id}}, {@code /taxonomies}, {@code
 * /taxonomy_terms} and {@code /organizations}, each list paged. No sign-in: a directory is public
 * information, and nothing about a family is in it. Every call is limited per address ({@link
 * PublicApiFilter}).
 */
@RestController
@RequestMapping(path = OpenReferralApi.ROOT, produces = MediaType.APPLICATION_JSON_VALUE)
class OpenReferralApi {

    static final String ROOT = "/openreferral";
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 200;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DirectoryRows rows;
    private final PostcodeLookup postcodes;
    private final ServiceRepository located;

    OpenReferralApi(DirectoryRows rows, PostcodeLookup postcodes, ServiceRepository located) {
        this.rows = rows;
        this.postcodes = postcodes;
        this.located = located;
    }

    @GetMapping({"", "/"})
    Map<String, Object> about() {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("version", "3.0");
        about.put("profile", "https://github.com/openreferral/uk-profile");
        about.put("openapi_url", "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json");
        return about;
    }

    /**
     * A page of services, filtered by the profile's parameters this directory can answer.
     *
     * @param search words in the service's name or description, or its organisation's name
     * @param minimumAge services whose youngest age is at least this (none given counts as 0)
     * @param maximumAge services whose oldest age is at most this (none given counts as no limit)
     * @param postcode with {@code proximity}, services within that many metres of the postcode's
     *     area; without it, the services of the hub that covers the postcode
     */
    @GetMapping("/services")
    Map<String, Object> services(
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(name = "taxonomy_term_id", required = false) @Nullable String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
            @RequestParam(name = "minimum_age", required = false) @Nullable String minimumAge,
            @RequestParam(name = "maximum_age", required = false) @Nullable String maximumAge,
            @RequestParam(required = false) @Nullable String postcode,
            @RequestParam(required = false) @Nullable String proximity,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        Paging paging = Paging.of(page, perPage);
        Map<String, OrganisationRow> organisations = organisations();
        Predicate<ServiceRow> wanted = r -> true;
        if (search != null && !search.isBlank()) {
            String words = search.strip().toLowerCase(Locale.ROOT);
            wanted = wanted.and(r -> r.name().toLowerCase(Locale.ROOT).contains(words)
                    || r.description().toLowerCase(Locale.ROOT).contains(words)
                    || (organisations.containsKey(r.organisationId())
                            && organisations
                                    .get(r.organisationId())
                                    .name()
                                    .toLowerCase(Locale.ROOT)
                                    .contains(words)));
        }
        if (taxonomyTermId != null && !taxonomyTermId.isBlank()) {
            UUID term = uuid("taxonomy_term_id", taxonomyTermId);
            wanted = wanted.and(r -> termsOf(r).contains(term));
        }
        if (taxonomyId != null && !taxonomyId.isBlank()) {
            UUID taxonomy = uuid("taxonomy_id", taxonomyId);
            if (taxonomy.equals(Taxonomies.SUPPORTING_FAMILIES_ID)) {
                wanted = wanted.and(r -> !r.needs().isEmpty());
            } else if (!taxonomy.equals(Taxonomies.FAMILY_HUBS_ID)) {
                wanted = r -> false;
            }
        }
        if (minimumAge != null && !minimumAge.isBlank()) {
            int age = number("minimum_age", minimumAge, 0, 120);
            wanted = wanted.and(r -> (r.minAge() == null ? 0 : r.minAge()) >= age);
        }
        if (maximumAge != null && !maximumAge.isBlank()) {
            int age = number("maximum_age", maximumAge, 0, 120);
            wanted = wanted.and(r -> r.maxAge() != null && r.maxAge() <= age);
        }
        List<ServiceRow> found;
        if (postcode != null && !postcode.isBlank()) {
            found = near(postcode, proximity);
        } else if (proximity != null && !proximity.isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "proximity needs a postcode to measure from.");
        } else {
            found = rows.services();
        }
        List<Map<String, Object>> contents =
                found.stream().filter(wanted).map(r -> listed(r, organisations)).toList();
        return paging.page(contents);
    }

    @GetMapping("/services/{id}")
    Map<String, Object> service(@PathVariable String id) {
        ServiceRow row = rows.service(uuid("id", id))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "There is no service with the id " + id + "."));
        return full(row, organisations());
    }

    @GetMapping("/taxonomies")
    Map<String, Object> taxonomies(
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        return Paging.of(page, perPage).page(Taxonomies.taxonomies());
    }

    @GetMapping("/taxonomies/{id}")
    Map<String, Object> taxonomy(@PathVariable String id) {
        UUID wanted = uuid("id", id);
        Map<String, Object> taxonomy = Taxonomies.taxonomies().stream()
                .filter(t -> wanted.toString().equals(t.get("id")))
                .findFirst()
                .map(LinkedHashMap::new)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "There is no taxonomy with the id " + id + "."));
        taxonomy.put("taxonomy_terms", Taxonomies.terms(Optional.of(wanted)));
        return taxonomy;
    }

    @GetMapping("/taxonomy_terms")
    Map<String, Object> taxonomyTerms(
            @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        Paging paging = Paging.of(page, perPage);
        Optional<UUID> taxonomy = taxonomyId == null || taxonomyId.isBlank()
                ? Optional.empty()
                : Optional.of(uuid("taxonomy_id", taxonomyId));
        return paging.page(Taxonomies.terms(taxonomy));
    }

    @GetMapping("/taxonomy_terms/{id}")
    Map<String, Object> taxonomyTerm(@PathVariable String id) {
        String wanted = uuid("id", id).toString();
        return Taxonomies.terms(Optional.empty()).stream()
                .filter(t -> wanted.equals(t.get("id")))
                .findFirst()
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "There is no taxonomy term with the id " + id + "."));
    }

    @GetMapping("/organizations")
    Map<String, Object> organizations(
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        Paging paging = Paging.of(page, perPage);
        return paging.page(
                rows.organisations().stream().map(OpenReferralApi::organisation).toList());
    }

    @GetMapping("/organizations/{id}")
    Map<String, Object> organization(@PathVariable String id) {
        UUID wanted = uuid("id", id);
        OrganisationRow found = rows.organisations().stream()
                .filter(o -> Taxonomies.organisationId(o.id()).equals(wanted))
                .findFirst()
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "There is no organisation with the id " + id + "."));
        Map<String, Object> organisation = organisation(found);
        organisation.put(
                "services",
                rows.services().stream()
                        .filter(r -> r.organisationId().equals(found.id()))
                        .map(r -> listed(r, Map.of(found.id(), found)))
                        .peek(s -> s.remove("organization"))
                        .toList());
        return organisation;
    }

    /** Anything else under the API's root: a plain 404, not the portal's sign-in page. */
    @GetMapping("/**")
    Map<String, Object> nothingHere() {
        throw problem(HttpStatus.NOT_FOUND, "The directory API has no such endpoint. See GET /openreferral/.");
    }

    /**
     * Problems are written here as problem details, not passed to the servlet's error page, which
     * belongs to the signed-in portal.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> refused(ErrorResponseException e) {
        return ResponseEntity.status(e.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(e.getBody());
    }

    private List<ServiceRow> near(String typed, @Nullable String proximity) {
        PostcodeLookup.Result result = postcodes.lookup(typed);
        if (result instanceof PostcodeLookup.Malformed malformed) {
            throw problem(
                    HttpStatus.BAD_REQUEST, "postcode: " + malformed.reason().english());
        }
        if (!(result instanceof PostcodeLookup.Found found)) {
            return List.of();
        }
        if (proximity == null || proximity.isBlank()) {
            return found.hub().map(hub -> rows.servicesOfHub(hub.value())).orElse(List.of());
        }
        int metres = number("proximity", proximity, 1, 100_000);
        Optional<double[]> origin = located.locate(found.postcode().value());
        if (origin.isEmpty()) {
            return List.of();
        }
        double[] from = origin.get();
        record Measured(ServiceRow row, double metres) {}
        return rows.services().stream()
                .flatMap(r -> {
                    Double lat = r.latitude() != null ? r.latitude() : r.areaLatitude();
                    Double lon = r.latitude() != null ? r.longitude() : r.areaLongitude();
                    return lat == null || lon == null
                            ? Stream.empty()
                            : Stream.of(new Measured(r, 1000 * PostcodeSectors.kilometres(from[0], from[1], lat, lon)));
                })
                .filter(m -> m.metres() <= metres)
                .sorted(Comparator.comparingDouble(Measured::metres))
                .map(Measured::row)
                .toList();
    }

    private Map<String, OrganisationRow> organisations() {
        Map<String, OrganisationRow> byId = new LinkedHashMap<>();
        rows.organisations().forEach(o -> byId.put(o.id(), o));
        return byId;
    }

    private static List<UUID> termsOf(ServiceRow r) {
        List<UUID> terms = new ArrayList<>();
        terms.add(Taxonomies.termId(r.category()));
        if (r.category().parent() != null) {
            terms.add(Taxonomies.termId(r.category().parent()));
        }
        r.needs().forEach(n -> terms.add(Taxonomies.termId(n)));
        return terms;
    }

    private static Map<String, Object> organisation(OrganisationRow o) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", Taxonomies.organisationId(o.id()).toString());
        org.put("name", o.name());
        org.put("description", Taxonomies.organisationDescription(o.type()));
        return org;
    }

    /** A service as a list shows it: its own fields and its organisation. */
    private static Map<String, Object> listed(ServiceRow r, Map<String, OrganisationRow> organisations) {
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
    private static Map<String, Object> full(ServiceRow r, Map<String, OrganisationRow> organisations) {
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

    private static UUID uuid(String parameter, String value) {
        try {
            UUID id = UUID.fromString(value.strip());
            if (!id.toString().equalsIgnoreCase(value.strip())) {
                throw new IllegalArgumentException(value);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw problem(
                    HttpStatus.BAD_REQUEST, parameter + " must be a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2.");
        }
    }

    static int number(String parameter, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new NumberFormatException(value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw problem(
                    HttpStatus.BAD_REQUEST, parameter + " must be a whole number from " + min + " to " + max + ".");
        }
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return new ErrorResponseException(status, problem, null);
    }

    /** Which page of a list, from the {@code page} and {@code per_page} parameters. */
    record Paging(int page, int perPage) {

        static Paging of(@Nullable String page, @Nullable String perPage) {
            return new Paging(
                    page == null || page.isBlank() ? 1 : number("page", page, 1, 1_000_000),
                    perPage == null || perPage.isBlank()
                            ? DEFAULT_PER_PAGE
                            : number("per_page", perPage, 1, MAX_PER_PAGE));
        }

        /** The HSDS page object around one page of the items. */
        Map<String, Object> page(List<? extends Map<String, Object>> all) {
            int total = all.size();
            int pages = Math.max(1, (total + perPage - 1) / perPage);
            int from = (int) Math.min((long) (page - 1) * perPage, total);
            int to = Math.min(from + perPage, total);
            List<? extends Map<String, Object>> contents = all.subList(from, to);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("total_items", total);
            p.put("total_pages", pages);
            p.put("page_number", page);
            p.put("size", contents.size());
            p.put("first_page", page == 1);
            p.put("last_page", page >= pages);
            p.put("empty", contents.isEmpty());
            p.put("contents", contents);
            return p;
        }
    }
}
