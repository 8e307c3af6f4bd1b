package org.earlyhelp.portal.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether Keycloak can be used for signing in right now, so that a person meets a plain message
 * rather than a browser error when it is down or the issuer is wrong.
 */
@Component
public class KeycloakStatus {

    private static final Logger log = LoggerFactory.getLogger(KeycloakStatus.class);
    private static final Duration CACHE = Duration.ofSeconds(5);

    private final KeycloakProperties properties;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile @Nullable Problem lastProblem;
    private volatile Instant checkedAt = Instant.EPOCH;

    KeycloakStatus(KeycloakProperties properties, Clock clock) {
        this.clock = clock;
        this.properties = properties;
    }

    /** A problem that stops people signing in through Keycloak. */
    public record Problem(String issuer, String what) {}

    public boolean enabled() {
        return properties.enabled();
    }

    /** The problem with Keycloak, if there is one; empty when it answers for the realm. */
    public Optional<Problem> problem() {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        if (Duration.between(checkedAt, clock.instant()).compareTo(CACHE) > 0) {
            lastProblem = check();
            checkedAt = clock.instant();
        }
        return Optional.ofNullable(lastProblem);
    }

    private @Nullable Problem check() {
        String issuer = properties.issuer();
        URI discovery = URI.create(properties.backchannel() + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(discovery)
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return new Problem(issuer, "unknown-realm");
            }
            if (response.statusCode() != 200) {
                return new Problem(issuer, "unhealthy");
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return new Problem(issuer, "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Problem(issuer, "unreachable");
        }
    }

    /** Says in the log, once the portal is up, whether Keycloak can be reached. */
    @EventListener(ApplicationReadyEvent.class)
    void reportAtStart() {
        if (properties.enabled()) {
            Thread.ofVirtual().name("keycloak-check").start(this::report);
        }
    }

    private void report() {
        problem()
                .ifPresentOrElse(
                        p -> log.warn(
                                "Keycloak at {} is {}: people cannot sign in until it is. Start it (keycloak/start.sh)"
                                        + " or correct EARLYHELP_KEYCLOAK_ISSUER_URI.",
                                p.issuer(),
                                p.what().replace('-', ' ')),
                        () -> log.info("Keycloak at {} is reachable", properties.issuer()));
    }
}
