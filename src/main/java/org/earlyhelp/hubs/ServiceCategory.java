package org.earlyhelp.hubs;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Family Hubs service directory taxonomy (after the Department for Education's family hubs
 * service directory, in Open Referral UK terms): six top-level categories and their
 * sub-categories.
 */
public enum ServiceCategory {
    ACTIVITIES(null),
    ACTIVITIES_HOLIDAY_CLUBS(ACTIVITIES),
    ACTIVITIES_MUSIC_ARTS(ACTIVITIES),
    ACTIVITIES_SPORT(ACTIVITIES),
    FAMILY_SUPPORT(null),
    FAMILY_SUPPORT_BULLYING(FAMILY_SUPPORT),
    FAMILY_SUPPORT_DEBT_WELFARE(FAMILY_SUPPORT),
    FAMILY_SUPPORT_DOMESTIC_ABUSE(FAMILY_SUPPORT),
    FAMILY_SUPPORT_PARENTING(FAMILY_SUPPORT),
    FAMILY_SUPPORT_RELATIONSHIP_CONFLICT(FAMILY_SUPPORT),
    FAMILY_SUPPORT_SEPARATED_PARENTS(FAMILY_SUPPORT),
    FAMILY_SUPPORT_SUBSTANCE_MISUSE(FAMILY_SUPPORT),
    FAMILY_SUPPORT_TARGETED_YOUTH(FAMILY_SUPPORT),
    FAMILY_SUPPORT_YOUTH_JUSTICE(FAMILY_SUPPORT),
    HEALTH(null),
    HEALTH_HEARING_SIGHT(HEALTH),
    HEALTH_MENTAL_HEALTH(HEALTH),
    HEALTH_STOPPING_SMOKING(HEALTH),
    PREGNANCY_EARLY_YEARS(null),
    PREGNANCY_BIRTH_REGISTRATION(PREGNANCY_EARLY_YEARS),
    PREGNANCY_EARLY_LEARNING(PREGNANCY_EARLY_YEARS),
    PREGNANCY_HEALTH_VISITING(PREGNANCY_EARLY_YEARS),
    PREGNANCY_INFANT_FEEDING(PREGNANCY_EARLY_YEARS),
    PREGNANCY_MIDWIFERY(PREGNANCY_EARLY_YEARS),
    SEND(null),
    SEND_EARLY_YEARS(SEND),
    SEND_SUPPORT_GROUPS(SEND),
    SEND_BREAKS(SEND),
    TRANSPORT(null),
    TRANSPORT_COMMUNITY(TRANSPORT);

    private final @Nullable ServiceCategory parent;

    ServiceCategory(@Nullable ServiceCategory parent) {
        this.parent = parent;
    }

    /** The top-level category, or {@code null} for a top-level one. */
    public @Nullable ServiceCategory parent() {
        return parent;
    }

    /** The top-level category this one belongs to (itself when it is top-level). */
    public ServiceCategory topLevel() {
        return parent == null ? this : parent;
    }

    public String key() {
        return "service-category." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
