package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.earlyhelp.browser.KeycloakTestServer;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.testing.Generated;
import org.earlyhelp.testing.KeycloakApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile JSON at the partner API's door, over HTTP with a real client-credentials token from the
 * real Keycloak: random bytes, JSON cut short, and a good request with one or two values swapped
 * for the wrong type, an impossible date, an unknown code, a huge or control-character string,
 * deep nesting. Every body is answered 201 with the request saved whole, or 400 with a problem
 * document (RFC 9457) naming the field and saying what is wrong, and nothing written: never a
 * server error, never half a request.
 */
@KeycloakApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerApiHostileJsonIT {

    private static JdbcClient jdbc;
    private static KeycloakTestServer keycloak;
    private static String postcode;
    private static int port;
    private static String token;
    private static long tokenAt;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final AtomicInteger saved = new AtomicInteger();
    private static final AtomicInteger refused = new AtomicInteger();
    private static final Map<String, Integer> byStatus = new TreeMap<>();
    private static final Map<String, Integer> details = new TreeMap<>();

    @Autowired
    JdbcClient database;

    @Autowired
    PostcodeLookup postcodes;

    @LocalServerPort
    int localPort;

    /** Once for the class: the static helpers and generators below use them. */
    @BeforeAll
    void connect() {
        keycloak = KeycloakTestServer.running();
        jdbc = database;
        port = localPort;
        postcode = postcodes.postcodesIn(new HubId("dudley-central"), 1).getFirst();
    }

    @AfterAll
    static void stop() {
        System.out.printf(
                "%nPartner API, hostile JSON: %d saved whole, %d refused with a problem; by status %s%n",
                saved.get(), refused.get(), byStatus);
        details.forEach((d, n) -> System.out.printf("  %3d x %s%n", n, d));
    }

    /** The good request's values, each a JSON literal, by where they sit. */
    private static Map<String, String> goodValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("parentGiven", "\"Jade\"");
        v.put("parentFamily", "\"Okafor\"");
        v.put("parentBorn", "\"1989-02-01\"");
        v.put("parentRelationship", "\"PARENT\"");
        v.put("childGiven", "\"Remi\"");
        v.put("childFamily", "\"Okafor\"");
        v.put("childBorn", "\"2015-09-09\"");
        v.put("childRelationship", "\"CHILD\"");
        v.put("address", "\"7 Park Lane, Dudley\"");
        v.put("postcode", "\"" + postcode + "\"");
        v.put("hub", "null");
        v.put("needArea", "\"EDUCATION\"");
        v.put("needText", "\"Remi has missed 20 days this term.\"");
        v.put("tried", "\"Attendance meetings\"");
        v.put("givenBy", "\"Jade Okafor (mother)\"");
        v.put("givenOn", "\"" + LocalDate.now() + "\"");
        v.put("method", "\"IN_PERSON\"");
        v.put("shareWith", "\"School, health, the hub\"");
        return v;
    }

    private static String body(Map<String, String> v) {
        // The need's area is a key, so it must stay a string: a non-string key is not JSON.
        String needKey = v.get("needArea").startsWith("\"") ? v.get("needArea") : "\"" + v.get("needArea") + "\"";
        return """
                {"members": [
                   {"givenName": %s, "familyName": %s, "dateOfBirth": %s, "relationship": %s},
                   {"givenName": %s, "familyName": %s, "dateOfBirth": %s, "relationship": %s}],
                 "address": %s, "postcode": %s, "hub": %s,
                 "needs": {%s: %s},
                 "tried": %s,
                 "consent": {"givenBy": %s, "givenOn": %s, "method": %s, "shareWith": %s}}""".formatted(
                        v.get("parentGiven"),
                        v.get("parentFamily"),
                        v.get("parentBorn"),
                        v.get("parentRelationship"),
                        v.get("childGiven"),
                        v.get("childFamily"),
                        v.get("childBorn"),
                        v.get("childRelationship"),
                        v.get("address"),
                        v.get("postcode"),
                        v.get("hub"),
                        needKey,
                        v.get("needText"),
                        v.get("tried"),
                        v.get("givenBy"),
                        v.get("givenOn"),
                        v.get("method"),
                        v.get("shareWith"));
    }

    private static final List<String> HOSTILE = List.of(
            "null",
            "0",
            "-1",
            "1e309",
            "true",
            "[]",
            "{}",
            "\"\"",
            "\"   \"",
            "\"2026-13-45\"",
            "\"31/12/2015\"",
            "\"9999-01-01\"",
            "\"1800-01-01\"",
            "\"CHILD\"",
            "\"GRANDPARENT\"",
            "\"EDUCATION\"",
            "\"NOT_AN_AREA\"",
            "\"ZZ99 9ZZ\"",
            "\"DY1\"",
            "\"dudley-central\"",
            "\"Dudley Central\"",
            "\"<script>alert(1)</script>\"",
            "\"=HYPERLINK(\\\"x\\\")\"",
            "\"\\u0000\"",
            "\"a\\u0007b\"",
            "\"\\ud800\"",
            "\"" + "x".repeat(5000) + "\"",
            "[".repeat(2000) + "]".repeat(2000),
            "{\"a\": " + "[".repeat(50) + "1" + "]".repeat(50) + "}");

    private static String hostileValue(Generated g) {
        return g.oneOf(
                () -> g.pick(HOSTILE),
                () -> "\"" + g.text(40).replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                () -> String.valueOf(g.between(Integer.MIN_VALUE / 2, Integer.MAX_VALUE / 2)));
    }

    /**
     * A body: mostly the good request with one or two values swapped for hostile ones (or none),
     * sometimes the good request cut short, noise, or a bare JSON value.
     */
    private static String body(Generated g) {
        int kind = g.between(0, 9);
        if (kind < 6) {
            List<String> slots = List.copyOf(goodValues().keySet());
            Map<String, String> v = goodValues();
            int how = g.between(0, 2);
            if (how > 0) {
                v.put(g.pick(slots), hostileValue(g));
            }
            if (how == 2) {
                v.put(g.pick(slots), hostileValue(g));
            }
            return body(v);
        }
        if (kind < 8) {
            String good = body(goodValues());
            return good.substring(0, Math.min(g.between(0, 400), good.length() - 1));
        }
        if (kind == 8) {
            return g.text(200);
        }
        return g.pick("", "null", "[]", "{}", "\"text\"", "42");
    }

    static Stream<Long> seeds() {
        return Generated.seeds(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyBodyIsSavedWholeOrRefusedWithAProblem(long seed) throws Exception {
        String body = body(new Generated(seed));
        long requestsBefore = count("referrals.request");
        long peopleBefore = count("referrals.person");
        long familiesBefore = count("referrals.family");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/requests"))
                        .header("Authorization", "Bearer " + token())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        synchronized (byStatus) {
            byStatus.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
        }
        assertThat(response.statusCode())
                .as("answer to %s: %s", abbreviate(body), response.body())
                .isIn(201, 400);
        if (response.statusCode() == 201) {
            saved.incrementAndGet();
            assertThat(count("referrals.request")).isEqualTo(requestsBefore + 1);
            assertThat(response.headers().firstValue("Location")).isPresent();
        } else {
            refused.incrementAndGet();
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body())
                    .as("a problem naming the field")
                    .contains("\"status\":400", "\"detail\":", "\"errors\":[{\"field\":");
            Matcher detail =
                    Pattern.compile("\"detail\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(response.body());
            if (detail.find()) {
                synchronized (details) {
                    details.merge(detail.group(1).replaceAll("\\d+", "N"), 1, Integer::sum);
                }
            }
            assertThat(count("referrals.request")).as("nothing saved").isEqualTo(requestsBefore);
            assertThat(count("referrals.person")).as("nobody saved").isEqualTo(peopleBefore);
            assertThat(count("referrals.family")).as("no family saved").isEqualTo(familiesBefore);
        }
    }

    private static long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "... (" + body.length() + " characters)";
    }

    private static synchronized String token() throws Exception {
        if (token != null && System.currentTimeMillis() - tokenAt < 60_000) {
            return token;
        }
        token = keycloak.schoolToken();
        tokenAt = System.currentTimeMillis();
        return token;
    }
}
