package org.earlyhelp.shared;

import java.util.regex.Pattern;

/**
 * Identifies a partner organisation by a short, stable code; the same code is the {@code
 * organisation} attribute of a person in Keycloak.
 */
public record OrganisationId(String value) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public OrganisationId {
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("An organisation code is 2 to 63 lower-case letters, digits or hyphens");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
