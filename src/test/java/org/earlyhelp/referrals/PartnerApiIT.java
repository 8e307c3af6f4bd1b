package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.browser.KeycloakTestServer;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.KeycloakApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner API with a real client-credentials token from the real Keycloak: a school's system
 * submits a request for support, reads its status and the hub's decision, sees only its own
 * requests, and gets problem details for bad input and no token.
 */
@KeycloakApplicationTest
class PartnerApiIT {

    private static KeycloakTestServer keycloak;

    @BeforeAll
    static void keycloak() {
        keycloak = KeycloakTestServer.running();
    }

    @LocalServerPort
    int port;

    @Autowired
    PostcodeLookup postcodes;

    @Autowired
    HubQueue queue;

    @Autowired
    RequestsForSupport requests;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private String token(String client, String secret) throws Exception {
        return keycloak.clientToken(client, secret);
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String requestJson(String postcode, String childBorn) {
        return """
                {"members": [
                   {"givenName": "Jade", "familyName": "Okafor", "dateOfBirth": "1989-02-01", "relationship": "PARENT"},
                   {"givenName": "Remi", "familyName": "Okafor", "dateOfBirth": "%s", "relationship": "CHILD"}],
                 "address": "7 Park Lane, Dudley", "postcode": "%s",
                 "needs": {"EDUCATION": "Remi has missed 20 days this term."},
                 "tried": "Attendance meetings", "involved": "School nurse",
                 "consent": {"givenBy": "Jade Okafor (mother)", "givenOn": "%s", "method": "IN_PERSON",
                             "shareWith": "School, health, the hub"}}
                """.formatted(childBorn, postcode, LocalDate.now());
    }

    @Test
    void aSchoolsSystemSubmitsARequestAndFollowsItsStatus() throws Exception {
        String token = token("earlyhelp-partner-school", "earlyhelp-partner-school-dev-secret");
        String postcode = postcodes.postcodesIn(new HubId("dudley-central"), 3).getLast();

        HttpResponse<String> created = call("POST", "/api/v1/requests", token, requestJson(postcode, "2015-09-09"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/api/v1/requests/"));
        assertThat(created.body()).contains("\"status\":\"AWAITING_DECISION\"").contains("Dudley Central");
        String location = created.headers().firstValue("Location").orElseThrow();
        RequestId id = RequestId.parse(location.substring(location.lastIndexOf('/') + 1));

        // The hub decides; the school's system sees the decision, never the family's record.
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        try {
            int version = queue.detail(id).summary().version();
            queue.decide(
                    id,
                    version,
                    NeedLevel.SINGLE_AGENCY,
                    DecisionOutcome.EARLY_HELP,
                    "School-led early help with the hub's support.",
                    false);
        } finally {
            SignedIn.nobody();
        }
        HttpResponse<String> status = call("GET", location, token, null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body())
                .contains("\"outcome\":\"EARLY_HELP\"")
                .contains("\"level\":2")
                .doesNotContain("Okafor");

        // Bad input: RFC 9457 problem details naming each field, nothing saved.
        HttpResponse<String> invalid =
                call("POST", "/api/v1/requests", token, requestJson("NOT A POSTCODE", "2099-01-01"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).contains("application/problem+json"));
        assertThat(invalid.body())
                .contains("\"field\":\"postcode\"")
                .contains("members[1].dateOfBirth")
                .contains("\"status\":400");
        HttpResponse<String> garbled =
                call("POST", "/api/v1/requests", token, "{\"members\": [{\"relationship\": \"COUSIN\"}]}");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("\"status\":400");
        HttpResponse<String> badHub = call(
                "POST",
                "/api/v1/requests",
                token,
                requestJson("NOT A POSTCODE", "2016-05-03").replaceFirst("\\{", "{\"hub\": \"Not a hub!\", "));
        assertThat(badHub.statusCode()).as(badHub.body()).isEqualTo(400);
        assertThat(badHub.body()).contains("\"field\":\"hub\"");

        // No token, a forged token, another system's request, a crafted id.
        assertThat(call("GET", location, null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", location, token.substring(0, token.length() - 4) + "AAAA", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/v1/requests/" + UUID.randomUUID(), token, null)
                        .statusCode())
                .isEqualTo(404);
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        RequestId someoneElses;
        try {
            someoneElses = requests.submit(new RequestDraft(
                            List.of(new FamilyMemberDraft(
                                    "Ava", "Lindqvist", LocalDate.now().minusYears(7), Relationship.CHILD, null, null)),
                            "1 High Street",
                            postcode,
                            null,
                            null,
                            Map.of(OutcomeArea.HEALTH, "Missed appointments."),
                            "",
                            "",
                            new ConsentDraft("Mother", LocalDate.now(), ConsentMethod.PHONE, "Health"),
                            null))
                    .request();
        } finally {
            SignedIn.nobody();
        }
        HttpResponse<String> notYours = call("GET", "/api/v1/requests/" + someoneElses, token, null);
        assertThat(notYours.statusCode()).isEqualTo(404);
        assertThat(notYours.body()).doesNotContain("Lindqvist");

        // The audit records the address the call really came from, not one the caller claims.
        HttpResponse<String> spoofed = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + location))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Forwarded-For", "203.0.113.77")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(spoofed.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("""
                        SELECT source_address FROM audit.entry WHERE action = 'view-status' AND record_id = ?
                        ORDER BY at DESC, id DESC LIMIT 1""").param(id.toString()).query(String.class).single())
                .isNotEqualTo("203.0.113.77")
                .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

        // The OpenAPI description is published.
        HttpResponse<String> docs = call("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/requests").contains("clientCredentials");
    }

    @Test
    void onlyListedPartnerSystemsWithTheApisAudienceGetIn() throws Exception {
        String location = "/api/v1/requests/" + UUID.randomUUID();
        // A signed-in person's token from the portal's client: not a partner system.
        String portalUser = keycloak.portalUserToken("practitioner", KeycloakTestServer.PASSWORD);
        HttpResponse<String> person = call("GET", location, portalUser, null);
        assertThat(person.statusCode()).as(person.body()).isEqualTo(401);

        // A listed client whose tokens are not for this API.
        keycloak.createPartnerClient("earlyhelp-partner-noaudience", "noaudience-secret-1", false);
        String otherAudience = token("earlyhelp-partner-noaudience", "noaudience-secret-1");
        assertThat(call("GET", location, otherAudience, null).statusCode()).isEqualTo(401);

        // A client with the API's audience that is not on the list.
        keycloak.createPartnerClient("earlyhelp-partner-unlisted", "unlisted-secret-1", true);
        String unlisted = token("earlyhelp-partner-unlisted", "unlisted-secret-1");
        assertThat(call("GET", location, unlisted, null).statusCode()).isEqualTo(401);

        // The listed school's system with the audience gets in (the crafted id is simply not found).
        assertThat(call("GET", location, token("earlyhelp-partner-school", "earlyhelp-partner-school-dev-secret"), null)
                        .statusCode())
                .isEqualTo(404);
    }
}
