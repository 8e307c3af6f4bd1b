package org.earlyhelp.hubs.openreferral;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.hubs.ServiceCategory;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.testing.KeycloakApplicationTest;
import org.earlyhelp.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Referral UK API as a neighbouring council's tool or a validator calls it: every answer
 * of every endpoint is checked against the UK profile's own schemas (from {@code
 * ../shared/standards/oruk-uk-profile}) with a maintained JSON Schema validator that asserts
 * formats too, and any violation fails the test. Filters are checked against the database.
 */
@KeycloakApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenReferralApiIT {

    private static final HubId CENTRAL = new HubId("dudley-central");
    private static final UUID PLACED = UUID.fromString("6f0c1a8e-58a4-4f43-9a53-0c1d3f3a7e01");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostcodeLookup postcodes;

    /**
     * Calls come from 127.0.0.2, the proxy the application believes, so that each test can give an
     * address of its own in X-Forwarded-For.
     */
    private final HttpClient http =
            HttpClient.newBuilder().localAddress(proxy()).build();

    private static InetAddress proxy() {
        try {
            return InetAddress.getByName("127.0.0.2");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ObjectMapper json = JsonMapper.builder().build();
    private final AtomicInteger addresses = new AtomicInteger(1);
    private SchemaRegistry schemas;
    private Path profile;
    private String postcode;

    @BeforeAll
    void setUp() {
        profile = SharedData.standard("oruk-uk-profile/schema").toAbsolutePath().normalize();
        // The validator reads nothing by itself: the profile's files are handed to it by their address.
        Path root = profile;
        schemas = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                registry -> registry.schemas(iri -> {
                    if (!iri.startsWith("file:")) {
                        return null;
                    }
                    Path file = Path.of(URI.create(iri)).normalize();
                    try {
                        return file.startsWith(root) ? Files.readString(file) : null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        postcode = postcodes.postcodesIn(CENTRAL, 1).getFirst();
        // One service with a full postal address and a postcode, as a hub lead would add it.
        jdbc.sql("""
                        INSERT INTO hubs.service (id, hub_id, organisation_id, name, description, category, needs,
                          min_age, max_age, location_name, address, postcode, contact_email, website, opening_times)
                        VALUES (?, ?, 'dudley-cvs', 'Open referral test drop-in', 'Advice for families.',
                          'FAMILY_SUPPORT_DEBT_WELFARE', '{FINANCIAL_STABILITY}', 5, 16, 'Test Hall',
                          '1 High Street, Dudley', ?, 'dropin@example.org', 'https://example.org/dropin',
                          'Mondays and Wednesdays 10:00 to 12:30')
                        ON CONFLICT (id) DO NOTHING""").params(PLACED, CENTRAL.value(), postcode).update();
    }

    @AfterAll
    void tearDown() {
        jdbc.sql("DELETE FROM hubs.service WHERE id = ?").param(PLACED).update();
    }

    private HttpResponse<String> call(String method, String path, String address) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openreferral" + path))
                        .header("X-Forwarded-For", address)
                        .header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET from an address of its own, so that the per-address limit never gets in the way. */
    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = call("GET", path, "10.1.0." + addresses.getAndIncrement() % 250);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        return json.readTree(response.body());
    }

    private Schema schema(String file) {
        return schemas.getSchema(SchemaLocation.of(profile.resolve(file).toUri().toString()));
    }

    private static final String PAGE = """
            {"type": "object", "required": ["total_items", "total_pages", "page_number", "size", "first_page",
              "last_page", "empty", "contents"],
             "properties": {"total_items": {"type": "integer"}, "total_pages": {"type": "integer"},
              "page_number": {"type": "integer"}, "size": {"type": "integer"}, "first_page": {"type": "boolean"},
              "last_page": {"type": "boolean"}, "empty": {"type": "boolean"}, "contents": {"type": "array"}}}""";

    private static List<String> violations(Schema schema, JsonNode node) {
        List<Error> errors = schema.validate(node, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }

    private void assertValid(Schema schema, JsonNode node, String what) {
        assertThat(violations(schema, node))
                .as(what + " against the UK profile")
                .isEmpty();
    }

    /** Every page of a list, each page checked as a page and each item against its schema. */
    private List<JsonNode> allPages(String path, Schema items, int perPage) throws Exception {
        Schema page = schemas.getSchema(PAGE);
        List<JsonNode> all = new ArrayList<>();
        int pages = 1;
        for (int p = 1; p <= pages; p++) {
            JsonNode answer = get(path + (path.contains("?") ? "&" : "?") + "page=" + p + "&per_page=" + perPage);
            assertValid(page, answer, path + " page " + p);
            pages = answer.get("total_pages").asInt();
            assertThat(answer.get("page_number").asInt()).isEqualTo(p);
            assertThat(answer.get("first_page").asBoolean()).isEqualTo(p == 1);
            assertThat(answer.get("last_page").asBoolean()).isEqualTo(p == pages);
            assertThat(answer.get("size").asInt())
                    .isEqualTo(answer.get("contents").size());
            for (JsonNode item : answer.get("contents")) {
                assertValid(items, item, path + " item " + item.path("id"));
                all.add(item);
            }
            if (p == pages) {
                assertThat(all).hasSize(answer.get("total_items").asInt());
            }
        }
        assertThat(all.stream().map(n -> n.get("id").asString()).distinct()).hasSameSizeAs(all);
        return all;
    }

    @Test
    void theValidatorRefusesWhatTheProfileRefuses() throws Exception {
        // The check can fail: a service without a status, with a name that is a number and an id
        // that is not a UUID breaks the profile three times.
        JsonNode broken = json.readTree("{\"id\": \"not-a-uuid\", \"name\": 7}");
        assertThat(violations(schema("compiled/service.json"), broken)).hasSizeGreaterThanOrEqualTo(3);
        JsonNode brokenTerm = json.readTree("{\"id\": \"3f7b145d-84af-42d7-8fae-eaca714b02b2\", \"name\": \"x\"}");
        assertThat(violations(schema("taxonomy_term.json"), brokenTerm)).isNotEmpty();
    }

    @Test
    void everyAnswerFollowsTheUkProfile() throws Exception {
        JsonNode about = get("/");
        assertThat(about.get("version").asString()).isEqualTo("3.0");
        assertValid(schemas.getSchema("""
                        {"type": "object", "required": ["version", "profile", "openapi_url"],
                         "properties": {"version": {"type": "string"}, "profile": {"type": "string", "format": "uri"},
                          "openapi_url": {"type": "string", "format": "uri"}}}"""), about, "/");

        List<JsonNode> services = allPages("/services", schema("compiled/service_list.json"), 7);
        int stored = jdbc.sql("SELECT count(*) FROM hubs.service")
                .query(Integer.class)
                .single();
        assertThat(services).hasSize(stored);
        Schema full = schema("compiled/service.json");
        for (JsonNode s : services) {
            assertValid(full, get("/services/" + s.get("id").asString()), "/services/" + s.get("id"));
        }

        List<JsonNode> taxonomies = allPages("/taxonomies", schema("taxonomy.json"), 1);
        assertThat(taxonomies).hasSize(2);
        for (JsonNode t : taxonomies) {
            JsonNode one = get("/taxonomies/" + t.get("id").asString());
            assertValid(schema("taxonomy.json"), one, "/taxonomies/" + t.get("id"));
        }
        List<JsonNode> terms = allPages("/taxonomy_terms", schema("taxonomy_term.json"), 10);
        assertThat(terms).hasSize(ServiceCategory.values().length + OutcomeArea.values().length);
        for (JsonNode t : terms) {
            assertValid(
                    schema("taxonomy_term.json"),
                    get("/taxonomy_terms/" + t.get("id").asString()),
                    "term");
        }

        List<JsonNode> organisations = allPages("/organizations", schema("compiled/organization_list.json"), 2);
        int running = jdbc.sql("SELECT count(DISTINCT organisation_id) FROM hubs.service")
                .query(Integer.class)
                .single();
        assertThat(organisations).hasSize(running);
        for (JsonNode o : organisations) {
            assertValid(
                    schema("compiled/organization.json"),
                    get("/organizations/" + o.get("id").asString()),
                    "/organizations/" + o.get("id"));
        }
    }

    @Test
    void aServiceInFullSaysWhereWhenAndForWhom() throws Exception {
        JsonNode s = get("/services/" + PLACED);
        assertThat(s.get("name").asString()).isEqualTo("Open referral test drop-in");
        assertThat(s.get("minimum_age").asInt()).isEqualTo(5);
        assertThat(s.get("url").asString()).isEqualTo("https://example.org/dropin");
        JsonNode schedule = s.get("schedules").get(0);
        assertThat(schedule.get("freq").asString()).isEqualTo("WEEKLY");
        assertThat(schedule.get("byday").asString()).isEqualTo("MO,WE");
        assertThat(schedule.get("opens_at").asString()).isEqualTo("10:00:00");
        assertThat(schedule.get("closes_at").asString()).isEqualTo("12:30:00");
        assertThat(schedule.get("description").asString()).isEqualTo("Mondays and Wednesdays 10:00 to 12:30");
        JsonNode address = s.get("service_at_locations")
                .get(0)
                .get("location")
                .get("addresses")
                .get(0);
        assertThat(address.get("address_1").asString()).isEqualTo("1 High Street");
        assertThat(address.get("city").asString()).isEqualTo("Dudley");
        assertThat(address.get("postal_code").asString()).isEqualTo(postcode);
        Set<String> terms = new HashSet<>();
        s.get("attributes")
                .forEach(a -> terms.add(a.get("taxonomy_term").get("name").asString()));
        assertThat(terms).containsExactlyInAnyOrder("Debt and welfare advice", "Financial stability");
        assertThat(s.get("service_areas").get(0).get("name").asString()).contains("Central");
    }

    @Test
    void theFiltersFindWhatTheDatabaseHolds() throws Exception {
        // By term: a top-level category takes in its sub-categories.
        JsonNode support =
                get("/services?per_page=200&taxonomy_term_id=" + Taxonomies.termId(ServiceCategory.FAMILY_SUPPORT));
        int familySupport = jdbc.sql("SELECT count(*) FROM hubs.service WHERE category LIKE 'FAMILY_SUPPORT%'")
                .query(Integer.class)
                .single();
        assertThat(support.get("total_items").asInt()).isEqualTo(familySupport).isPositive();

        JsonNode money =
                get("/services?per_page=200&taxonomy_term_id=" + Taxonomies.termId(OutcomeArea.FINANCIAL_STABILITY));
        int moneyCount = jdbc.sql("SELECT count(*) FROM hubs.service WHERE 'FINANCIAL_STABILITY' = ANY (needs)")
                .query(Integer.class)
                .single();
        assertThat(money.get("total_items").asInt()).isEqualTo(moneyCount).isPositive();

        JsonNode words = get("/services?per_page=200&search=YOUTH%20club");
        int youth = jdbc.sql("""
                        SELECT count(*) FROM hubs.service s JOIN hubs.organisation o ON o.id = s.organisation_id
                        WHERE s.name ILIKE '%youth club%' OR s.description ILIKE '%youth club%'
                           OR o.name ILIKE '%youth club%'""").query(Integer.class).single();
        assertThat(words.get("total_items").asInt()).isEqualTo(youth).isPositive();

        JsonNode teenagers = get("/services?per_page=200&minimum_age=11&maximum_age=19");
        int teen = jdbc.sql("SELECT count(*) FROM hubs.service WHERE min_age >= 11 AND max_age <= 19")
                .query(Integer.class)
                .single();
        assertThat(teenagers.get("total_items").asInt()).isEqualTo(teen).isPositive();

        JsonNode hub = get("/services?per_page=200&postcode=" + postcode.replace(" ", "%20"));
        int inHub = jdbc.sql("SELECT count(*) FROM hubs.service WHERE hub_id = ?")
                .param(CENTRAL.value())
                .query(Integer.class)
                .single();
        assertThat(hub.get("total_items").asInt()).isEqualTo(inHub);

        JsonNode near = get("/services?postcode=" + postcode.replace(" ", "") + "&proximity=100");
        assertThat(near.get("contents").findValuesAsString("id")).contains(PLACED.toString());

        JsonNode nothing = get("/services?taxonomy_id=" + UUID.randomUUID());
        assertThat(nothing.get("total_items").asInt()).isZero();
        assertThat(nothing.get("empty").asBoolean()).isTrue();
    }

    @Test
    void badParametersAreRefusedPlainly() throws Exception {
        assertThat(call("GET", "/services?page=0", "10.2.0.1").statusCode()).isEqualTo(400);
        HttpResponse<String> perPage = call("GET", "/services?per_page=lots", "10.2.0.1");
        assertThat(perPage.statusCode()).isEqualTo(400);
        assertThat(perPage.body()).contains("per_page must be a whole number from 1 to 200");
        assertThat(call("GET", "/services/not-an-id", "10.2.0.1").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/services/" + UUID.randomUUID(), "10.2.0.1").statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/services?postcode=nowhere", "10.2.0.1").statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/services?proximity=500", "10.2.0.1").statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown = call("GET", "/locations", "10.2.0.1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no such endpoint");
        HttpResponse<String> post = call("POST", "/services", "10.2.0.1");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void oneAddressIsLimitedAndOthersCarryOn() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertThat(call("GET", "/taxonomies", "10.3.0.1").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = call("GET", "/taxonomies", "10.3.0.1");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("at most 30 a minute");
        // An IPv6 client stepping through its /64 is still one client.
        for (int i = 0; i < 30; i++) {
            assertThat(call("GET", "/taxonomies", "2001:db8:1:2::" + Integer.toHexString(i + 1))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(call("GET", "/taxonomies", "2001:db8:1:2::ffff").statusCode())
                .isEqualTo(429);
        assertThat(call("GET", "/taxonomies", "10.3.0.2").statusCode()).isEqualTo(200);
        // The count is in the database, where every instance reads it.
        assertThat(jdbc.sql("SELECT count(*) FROM limits.bucket WHERE id LIKE 'open-referral|ipv4:10.3.0.%'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }
}
