package org.earlyhelp.shared;

/** The kinds of partner organisation that work with families. */
public enum OrganisationType {
    SCHOOL,
    HEALTH,
    POLICE,
    HOUSING,
    VOLUNTARY,
    COUNCIL
}
