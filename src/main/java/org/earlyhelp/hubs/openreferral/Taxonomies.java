package org.earlyhelp.hubs.openreferral;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import org.earlyhelp.hubs.ServiceCategory;
import org.earlyhelp.shared.OrganisationType;
import org.earlyhelp.shared.OutcomeArea;

/**
 * The two taxonomies services are filed under, as Open Referral taxonomies and terms: the Family
 * Hubs service directory's categories (a service's category) and the Supporting Families outcome
 * areas (the needs it helps with). Identifiers are name-based UUIDs, the same on every instance
 * and after every restart. Names come from the English translation file.
 */
final class Taxonomies {

    static final String FAMILY_HUBS = "Family Hubs service directory";
    static final String SUPPORTING_FAMILIES = "Supporting Families outcomes";
    static final UUID FAMILY_HUBS_ID = id("taxonomy/family-hubs-service-directory");
    static final UUID SUPPORTING_FAMILIES_ID = id("taxonomy/supporting-families-outcomes");

    private static final ResourceBundle WORDS = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.ROOT);

    private Taxonomies() {}

    /** A name-based (version 3) UUID for one of the directory's own identifiers. */
    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("earlyhelp/open-referral/" + name).getBytes(StandardCharsets.UTF_8));
    }

    static UUID organisationId(String code) {
        return id("organization/" + code);
    }

    static String words(String key) {
        return WORDS.getString(key);
    }

    static String organisationDescription(OrganisationType type) {
        return "A partner organisation in the family hubs partnership: "
                + words("organisation-type." + type.name().toLowerCase(Locale.ROOT))
                + ".";
    }

    static List<Map<String, Object>> taxonomies() {
        return List.of(
                taxonomy(
                        FAMILY_HUBS_ID,
                        FAMILY_HUBS,
                        "The categories of the Department for Education's family hubs service directory: six"
                                + " top-level categories and their sub-categories."),
                taxonomy(
                        SUPPORTING_FAMILIES_ID,
                        SUPPORTING_FAMILIES,
                        "The ten headline outcome areas of the national Supporting Families framework: the"
                                + " needs a service helps families with."));
    }

    private static Map<String, Object> taxonomy(UUID id, String name, String description) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id.toString());
        t.put("name", name);
        t.put("description", description);
        return t;
    }

    static UUID termId(ServiceCategory category) {
        return id("taxonomy-term/" + category.key());
    }

    static UUID termId(OutcomeArea need) {
        return id("taxonomy-term/" + need.key());
    }

    static Map<String, Object> term(ServiceCategory category) {
        Map<String, Object> t = new LinkedHashMap<>();
        String name = words(category.key());
        t.put("id", termId(category).toString());
        t.put("name", name);
        t.put(
                "description",
                category.parent() == null
                        ? "Services in the family hubs category \"" + name + "\"."
                        : "Services in \"" + name + "\", part of \""
                                + words(category.parent().key()) + "\".");
        if (category.parent() != null) {
            t.put("parent_id", termId(category.parent()).toString());
        }
        t.put("taxonomy", FAMILY_HUBS);
        t.put("taxonomy_id", FAMILY_HUBS_ID.toString());
        t.put("term", name);
        return t;
    }

    static Map<String, Object> term(OutcomeArea need) {
        Map<String, Object> t = new LinkedHashMap<>();
        String name = words(need.key());
        t.put("id", termId(need).toString());
        t.put("name", name);
        t.put("description", "Services that help families with the Supporting Families outcome \"" + name + "\".");
        t.put("taxonomy", SUPPORTING_FAMILIES);
        t.put("taxonomy_id", SUPPORTING_FAMILIES_ID.toString());
        t.put("term", name);
        return t;
    }

    /** Every term, the family hubs categories first, each taxonomy in its own order. */
    static List<Map<String, Object>> terms(Optional<UUID> taxonomy) {
        List<Map<String, Object>> terms = new ArrayList<>();
        if (taxonomy.isEmpty() || taxonomy.get().equals(FAMILY_HUBS_ID)) {
            for (ServiceCategory c : ServiceCategory.values()) {
                terms.add(term(c));
            }
        }
        if (taxonomy.isEmpty() || taxonomy.get().equals(SUPPORTING_FAMILIES_ID)) {
            for (OutcomeArea a : OutcomeArea.values()) {
                terms.add(term(a));
            }
        }
        return terms;
    }
}
