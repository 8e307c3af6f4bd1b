package org.earlyhelp.shared;

import java.util.Arrays;
import java.util.Optional;

/** The roles a person can hold; the same names are the realm roles in Keycloak. */
public enum Role {
    PRACTITIONER("practitioner"),
    HUB_LEAD("hub-lead"),
    COMMISSIONER("commissioner"),
    YOUNG_PERSON("young-person"),
    ADMIN("admin");

    /** Spring Security authority names, for {@code @RolesAllowed} and {@code hasRole}. */
    public static final String PRACTITIONER_AUTHORITY = "PRACTITIONER";

    public static final String HUB_LEAD_AUTHORITY = "HUB_LEAD";
    public static final String COMMISSIONER_AUTHORITY = "COMMISSIONER";
    public static final String YOUNG_PERSON_AUTHORITY = "YOUNG_PERSON";
    public static final String ADMIN_AUTHORITY = "ADMIN";

    private final String externalName;

    Role(String externalName) {
        this.externalName = externalName;
    }

    /** The name used in Keycloak and in the database, for example {@code hub-lead}. */
    public String externalName() {
        return externalName;
    }

    /** The Spring Security authority, for example {@code ROLE_HUB_LEAD}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Finds a role by its external name ({@code hub-lead}) or its constant name ({@code HUB_LEAD}). */
    public static Optional<Role> fromName(String name) {
        return Arrays.stream(values())
                .filter(r -> r.externalName.equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name))
                .findFirst();
    }
}
