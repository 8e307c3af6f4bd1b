package org.earlyhelp.hubs.openreferral;

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
        List<Map<String, Object>> contents = found.stream()
                .filter(wanted)
                .map(r -> ServiceJson.listed(r, organisations))
                .toList();
        return paging.page(contents);
    }

    @GetMapping("/services/{id}")
    Map<String, Object> service(@PathVariable String id) {
        ServiceRow row = rows.service(uuid("id", id))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "There is no service with the id " + id + "."));
        return ServiceJson.full(row, organisations());
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
                rows.organisations().stream().map(ServiceJson::organisation).toList());
    }

    @GetMapping("/organizations/{id}")
    Map<String, Object> organization(@PathVariable String id) {
        UUID wanted = uuid("id", id);
        OrganisationRow found = rows.organisations().stream()
                .filter(o -> Taxonomies.organisationId(o.id()).equals(wanted))
                .findFirst()
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "There is no organisation with the id " + id + "."));
        Map<String, Object> organisation = ServiceJson.organisation(found);
        organisation.put(
                "services",
                rows.services().stream()
                        .filter(r -> r.organisationId().equals(found.id()))
                        .map(r -> ServiceJson.listed(r, Map.of(found.id(), found)))
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
