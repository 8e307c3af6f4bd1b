package org.earlyhelp.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether this is a demonstration: demonstration data, or local accounts with published
 * passwords (no Keycloak). Every page then says so, so that nobody enters a real family.
 */
@Component
public class DemonstrationMode {

    private final boolean on;

    DemonstrationMode(Environment environment) {
        String issuer = environment.getProperty("earlyhelp.keycloak.issuer-uri", "");
        this.on = environment.getProperty("earlyhelp.demo.data", Boolean.class, true) || issuer.isBlank();
    }

    /** True in demonstration mode. */
    public boolean on() {
        return on;
    }
}
