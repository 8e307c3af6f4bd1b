package org.earlyhelp.shared;

import java.util.regex.Pattern;

/**
 * Identifies a neighbourhood hub by a short, stable code such as {@code brierley-hill}; the same
 * code is the {@code hub} attribute of a person in Keycloak.
 */
public record HubId(String value) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public HubId {
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("A hub code is 2 to 63 lower-case letters, digits or hyphens");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
