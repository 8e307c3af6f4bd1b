package org.earlyhelp.portal.security;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether Keycloak answers for the realm people sign in with (unknown when sign-in is local):
 * the {@code keycloak} health component, in the {@code dependencies} group an operator watches.
 */
@Component("keycloak")
class KeycloakHealth implements HealthIndicator {

    private final KeycloakStatus status;

    KeycloakHealth(KeycloakStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        if (!status.enabled()) {
            return Health.unknown().withDetail("sign-in", "local accounts").build();
        }
        return status.problem()
                .map(p -> Health.down().withDetail("problem", p.what()).build())
                .orElseGet(() -> Health.up().build());
    }
}
