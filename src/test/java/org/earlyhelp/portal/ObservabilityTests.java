package org.earlyhelp.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.BackgroundWork;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.testing.TestTraceCollector;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator reads, on the management port and not on the public one: Prometheus metrics
 * named in docs/operations.md (HTTP timings, events not yet delivered and the oldest's age,
 * unacknowledged safeguarding alerts and the oldest's age, imports, sign-ins, Vaadin sessions),
 * liveness, readiness (with the database) and the dependencies group (with Keycloak and mail),
 * and build and commit information. Gauges agree with the tables they count. With tracing on, a
 * request whose caller's trace is sampled is traced and its spans reach an OpenTelemetry collector,
 * and so do the calls into a module and the events another module's listener takes (Spring
 * Modulith's observability), without a name from the record.
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

    @Autowired
    Tracer tracer;

    @Autowired
    ApplicationContext context;

    @Autowired
    RequestsForSupport requests;

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
            BackgroundWork.Job<String> job =
                    BackgroundWork.start(work, "observability-test", "metrics.csv", p -> "done", r -> r);
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

    @Test
    void aCallIntoAModuleAndTheEventAnotherModuleTakesAreSpansOfTheCallersTraceWithoutANameInThem() throws Exception {
        // A caller's sampled trace, as a request with a sampled traceparent header would bring.
        String traceId = randomHex(16);
        TraceContext caller = tracer.traceContextBuilder()
                .traceId(traceId)
                .spanId(randomHex(8))
                .sampled(true)
                .build();
        Span span = tracer.spanBuilder().setParent(caller).name("test-caller").start();
        Submitted submitted;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            submitted = NewFamilyRequests.submit(requests, jdbc, new HubId("dudley-central"), "Traced");
        } finally {
            span.end();
            SignedIn.nobody();
        }
        String surname = jdbc.sql("SELECT label FROM referrals.family WHERE id = ?")
                .param(submitted.family().value())
                .query(String.class)
                .single()
                .replace(" family", "");

        // The request's module call, and insight's listener taking the RequestSubmitted event after
        // the commit, on another thread: both in the caller's trace.
        String sent = TestTraceCollector.awaitTrace(traceId, "JourneyListener");
        assertThat(sent)
                .as("the call into referrals and the event insight took, as spans of the caller's trace")
                .contains("RequestsForSupport.submit")
                .contains("JourneyListener.on")
                .contains("RequestSubmitted");
        assertThat(sent).as("a span names methods, never what was passed").doesNotContain(surname, "Jade", "Castle");

        String metrics = get(managementPort, "/actuator/prometheus").body();
        assertThat(metrics)
                .as("a timer of the calls into each module, and a count of each module's events")
                .containsPattern("(?m)^module_invocations_seconds_count\\{[^}]*referrals")
                .containsPattern("(?m)^module_events_published_total\\{[^}]*RequestSubmitted");
    }

    /**
     * Spring Modulith's observability 2.1.0 (the one served here) names the method of each call
     * into a module before making it, and fails the call when a parameter's type has a type
     * variable or an unbounded wildcard it cannot resolve (spring-modulith GH-1748, fixed after
     * 2.1.0). So no method of a bean it wraps may take one.
     */
    @Test
    void everyMethodOfABeanTheObservabilityWrapsCanBeNamed() {
        List<String> wrapped = new ArrayList<>();
        List<String> unnamable = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            if (!context.isSingleton(name) || !(context.getBean(name) instanceof Advised advised)) {
                continue;
            }
            Advisor[] advisors = advised.getAdvisors();
            boolean observed = Arrays.stream(advisors)
                    .anyMatch(a -> a.getClass().getSimpleName().equals("ApplicationModuleObservingAdvisor"));
            if (!observed) {
                continue;
            }
            Class<?> type = AopUtils.getTargetClass(advised);
            wrapped.add(type.getName());
            for (Method method : type.getMethods()) {
                // A static method is not called through the bean, so never observed.
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                for (int i = 0; i < method.getParameterCount(); i++) {
                    if (!resolvable(ResolvableType.forMethodParameter(method, i, type))) {
                        unnamable.add(type.getSimpleName() + "." + method.getName() + ", parameter " + i);
                    }
                }
            }
        }
        assertThat(wrapped).as("the beans the module observability wraps").contains(RequestsForSupport.class.getName());
        assertThat(unnamable)
                .as("methods whose call the observability would fail")
                .isEmpty();
    }

    private static boolean resolvable(ResolvableType type) {
        return type.resolve() != null && Arrays.stream(type.getGenerics()).allMatch(ObservabilityTests::resolvable);
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
        String sent = TestTraceCollector.awaitTrace(sampled, "/login");
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
