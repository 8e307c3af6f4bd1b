package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.earlyhelp.testing.FreePorts;
import org.earlyhelp.testing.ProductionJar;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing counted twice: the production jar runs as a separate process in Keycloak
 * mode; a partner system submits a few hundred requests for support through the API; the process
 * is killed with SIGKILL while the events are being taken in by the dashboards' read models; after
 * a restart every request is counted exactly once. Prints the figures.
 */
class JourneyCrashIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int REQUESTS = 300;

    @Test
    void everyRequestIsCountedExactlyOnceAfterAKill() throws Exception {
        KeycloakTestServer keycloak = KeycloakTestServer.running();
        String database = "earlyhelp_journey_crash_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ProductionJar.execute("postgres", "CREATE DATABASE " + database);
        int port = FreePorts.next();
        String[] keycloakArgs = {
            "--earlyhelp.keycloak.issuer-uri=" + keycloak.issuer(),
            "--earlyhelp.api.clients=earlyhelp-partner-school",
            "--earlyhelp.keycloak.client-secret=earlyhelp-portal-dev-secret",
            "--earlyhelp.events.retry-older-than=PT5S",
            "--earlyhelp.events.retry-every=PT5S"
        };
        try {
            Process first = ProductionJar.start(database, port, keycloakArgs);
            String postcode = ProductionJar.text(database, """
                    SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                    WHERE a.hub_id = 'dudley-central' ORDER BY p.postcode LIMIT 1""");
            long before = ProductionJar.count(database, "SELECT count(*) FROM referrals.request");
            String token = keycloak.schoolToken();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> sent = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    HttpResponse<String> response = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/requests"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body(postcode, n)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        // Kill the process half way, while requests and their events are in flight.
                        if (accepted.incrementAndGet() == REQUESTS / 2) {
                            first.destroyForcibly();
                        }
                    } else {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                try {
                    f.get();
                } catch (ExecutionException killed) {
                    failed.incrementAndGet();
                }
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            first.destroyForcibly();
            first.waitFor();
            long stored = ProductionJar.count(database, "SELECT count(*) FROM referrals.request") - before;
            long pendingAtKill = ProductionJar.count(
                    database, "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL");
            long projectedAtKill = ProductionJar.count(database, "SELECT count(*) FROM insight.request");

            // As in AlertCrashIT: a publication the first life's retry was delivering again at the
            // kill is delivered again once stale (5 s here, five minutes by default).
            long restarted = System.nanoTime();
            Process second = ProductionJar.start(
                    database,
                    port,
                    Stream.concat(
                                    Stream.of(keycloakArgs),
                                    Stream.of(
                                            "--spring.modulith.events.staleness.resubmitted=PT5S",
                                            "--spring.modulith.events.staleness.check-interval=PT5S"))
                            .toArray(String[]::new));
            try {
                long expected = ProductionJar.count(database, "SELECT count(*) FROM referrals.request");
                // The loop ends as soon as all is done; the deadline only bounds a failure, and a
                // loaded 2-core machine needs far longer than an idle one (see AlertCrashIT).
                long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
                while (System.nanoTime() < deadline
                        && (ProductionJar.count(database, "SELECT count(*) FROM insight.request") < expected
                                || ProductionJar.count(
                                                database,
                                                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                                        > 0)) {
                    Thread.sleep(200);
                }
                double recovery = (System.nanoTime() - restarted) / 1e9;
                long projected = ProductionJar.count(database, "SELECT count(*) FROM insight.request");
                long counted = ProductionJar.count(database, "SELECT coalesce(sum(requests), 0) FROM insight.monthly");
                long stillPending = ProductionJar.count(
                        database, "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL");
                // What a failure needs to be understood: where the undelivered publications stand,
                // and which instance holds the retry's lock until when.
                String pendingByStatus = ProductionJar.text(database, """
                        SELECT coalesce(string_agg(status || ' ' || n, ', '), 'none') FROM (
                          SELECT coalesce(status, 'no status') AS status, count(*) AS n
                          FROM events.event_publication WHERE completion_date IS NULL GROUP BY 1) s""");
                String retryLock = ProductionJar.text(database, """
                        SELECT coalesce((SELECT locked_by || ' until ' || lock_until || ' (now '
                            || timezone('utc', now()) || ')' FROM jobs.shedlock WHERE name = 'events-retry'),
                          'never taken')""");
                System.out.printf(
                        Locale.ROOT,
                        "%nJourney crash test: %d requests sent through the partner API in %.1f s, %d accepted before the"
                                + " process was killed (SIGKILL) half way, %d refused by the kill, %d stored; at the kill %d event"
                                + " publications were incomplete and %d of %d"
                                + " requests in the dashboards' read model; after restart: %d in the read model, %d counted"
                                + " in the monthly figures (expected %d), %d lost, %d duplicated, %d still pending"
                                + " (%s); the retry's lock: %s; recovered %.1f s after relaunch.%n",
                        REQUESTS,
                        seconds,
                        accepted.get(),
                        failed.get(),
                        stored,
                        pendingAtKill,
                        projectedAtKill,
                        expected,
                        projected,
                        counted,
                        expected,
                        Math.max(0, expected - projected),
                        Math.max(0, counted - expected),
                        stillPending,
                        pendingByStatus,
                        retryLock,
                        recovery);
                assertThat(stored).as("every accepted request was stored").isGreaterThanOrEqualTo(accepted.get());
                assertThat(accepted.get() + failed.get()).isEqualTo(REQUESTS);
                assertThat(projected).as("every request in the read model").isEqualTo(expected);
                assertThat(counted)
                        .as("every request counted once in the monthly figures")
                        .isEqualTo(expected);
                assertThat(stillPending).isZero();
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            ProductionJar.execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String body(String postcode, int n) {
        return """
                {"members": [
                   {"givenName": "Alex", "familyName": "Crashtest%d", "dateOfBirth": "1988-01-01", "relationship": "PARENT"},
                   {"givenName": "Sam", "familyName": "Crashtest%d", "dateOfBirth": "2015-05-05", "relationship": "CHILD"}],
                 "address": "%d High Street", "postcode": "%s",
                 "needs": {"EDUCATION": "Attendance has fallen."},
                 "consent": {"givenBy": "Alex", "givenOn": "%s", "method": "IN_PERSON", "shareWith": "School"}}
                """.formatted(n, n, n, postcode, LocalDate.now());
    }
}
