package org.earlyhelp.shared;

import java.util.Locale;

/**
 * The ten headline outcome areas of the national Supporting Families framework: the needs a
 * request for support names and the outcomes a plan works towards.
 */
public enum OutcomeArea {
    EDUCATION,
    EARLY_YEARS,
    HEALTH,
    SUBSTANCE_USE,
    FAMILY_RELATIONSHIPS,
    SAFE_FROM_ABUSE,
    CRIME,
    DOMESTIC_ABUSE,
    HOUSING,
    FINANCIAL_STABILITY;

    /** The i18n key of its name, for example {@code outcome.domestic-abuse}. */
    public String key() {
        return "outcome." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
