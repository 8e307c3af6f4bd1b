package org.earlyhelp.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.BackgroundWork;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.testing.TestTraceCollector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator reads, on the management port and not on the public one: Prometheus metrics
 * named in docs/operations.md (HTTP timings, events not yet delivered and the oldest's age,
 * unacknowledged safeguarding alerts and the oldest's age, imports, sign-ins, Vaadin sessions),
 * liveness, readiness (with the database) and the dependencies group (with Keycloak and mail),
 * and build and commit information. Gauges agree with the tables they count. With tracing on, a
 * request whose caller's trace is sampled is traced and its spans reach an OpenTelemetry collector.
 */
@OwnDataApplicationTest
class ObservabilityTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BackgroundWork work;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int on, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + on + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(metrics);
        assertThat(m.find()).as("%s in the metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theManagementPortGivesMetricsHealthAndBuildAndThePublicPortDoesNot() throws Exception {
        // One import, so that the imports counter has a value.
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        try {
            BackgroundWork.Job<String> job = work.start("observability-test", "metrics.csv", p -> "done", r -> r);
            for (int i = 0; i < 100 && job.state() == BackgroundWork.State.RUNNING; i++) {
                Thread.sleep(50);
            }
        } finally {
            SignedIn.nobody();
        }
        get(port, "/login");

        HttpResponse<String> scraped = get(managementPort, "/actuator/prometheus");
        assertThat(scraped.statusCode()).isEqualTo(200);
        String metrics = scraped.body();
        for (String name : List.of(
                "http_server_requests_seconds_count",
                "earlyhelp_events_incomplete",
                "earlyhelp_events_incomplete_oldest_age_seconds",
                "earlyhelp_alerts_unacknowledged",
                "earlyhelp_alerts_unacknowledged_oldest_age_seconds",
                "earlyhelp_concerns_unchecked",
                "earlyhelp_concerns_unchecked_oldest_age_seconds",
                "earlyhelp_imports_total",
                "earlyhelp_signins_total",
                "earlyhelp_vaadin_sessions",
                "hikaricp_connections_active",
                "hikaricp_connections_timeout_total")) {
            assertThat(metrics).as("the metrics name %s", name).containsPattern("(?m)^" + name + "[{ ]");
        }
        assertThat(value(metrics, "earlyhelp_alerts_unacknowledged"))
                .isEqualTo(jdbc.sql("SELECT count(*) FROM voice.alert WHERE acknowledged_at IS NULL")
                        .query(Long.class)
                        .single()
                        .doubleValue());
        assertThat(value(metrics, "earlyhelp_concerns_unchecked"))
                .isEqualTo(jdbc.sql("SELECT count(*) FROM referrals.concern_check WHERE checked_at IS NULL")
                        .query(Long.class)
                        .single()
                        .doubleValue());
        assertThat(metrics).contains("kind=\"observability-test\"").contains("outcome=\"done\"");

        assertThat(get(managementPort, "/actuator/health/liveness").body()).contains("\"UP\"");
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/dependencies").body())
                .contains("\"db\"")
                .contains("\"keycloak\"");
        String info = get(managementPort, "/actuator/info").body();
        assertThat(info)
                .contains("\"build\"")
                .contains("\"artifact\":\"early-help\"")
                .contains("\"git\"");

        // The public port serves none of it: anonymous callers are sent to sign in, and signed-in
        // people are refused.
        for (String path : List.of("/actuator/prometheus", "/actuator/info")) {
            HttpResponse<String> refused = get(port, path);
            assertThat(refused.statusCode()).as(path).isIn(302, 401, 403);
            assertThat(refused.body()).doesNotContain("earlyhelp_").doesNotContain("\"build\"");
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void aRequestInASampledTraceReachesTheCollectorAndOneInAnUnsampledTraceDoesNot() throws Exception {
        String sampled = randomHex(16);
        String unsampled = randomHex(16);
        for (String traceparent :
                List.of("00-" + sampled + "-" + randomHex(8) + "-01", "00-" + unsampled + "-" + randomHex(8) + "-00")) {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("traceparent", traceparent)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
        // The spans of one request may come in more than one batch: the request's own span ends
        // last, after the security filters' spans may already have been sent.
        for (int i = 0;
                i < 100 && !String.join("", TestTraceCollector.trace(sampled)).contains("/login");
                i++) {
            Thread.sleep(100);
        }
        String sent = String.join("", TestTraceCollector.trace(sampled));
        assertThat(sent)
                .as("the request's span, in its caller's trace, sent by the application")
                .isNotEmpty()
                .contains("early-help")
                .contains("/login");
        assertThat(TestTraceCollector.trace(unsampled))
                .as("a request whose caller did not sample its trace is not sent")
                .isEmpty();
    }
}
