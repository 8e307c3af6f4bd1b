package org.earlyhelp.sufficiency;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a child in care lives, in the seven groups the forecasting model counts (in the model's
 * order). Each has the English name the database, the CSVs and the audit trail keep; a page shows
 * it through the translation files ({@code sufficiency.category.*}).
 */
public enum PlacementCategory {
    PLACED_WITH_PARENTS("Placed with parents", Set.of("P1")),
    FAMILY_AND_FRIENDS_FOSTERING("Family and friends fostering", Set.of("U1", "U2", "U3")),
    OTHER_FOSTERING("Other fostering", Set.of("U4", "U5", "U6")),
    CHILDRENS_HOMES("Children's homes", Set.of("K1", "K2")),
    SUPPORTED_AND_INDEPENDENT_LIVING("Supported and independent living", Set.of("H5", "K3", "P2")),
    PLACED_FOR_ADOPTION("Placed for adoption", Set.of("A3", "A4", "A5", "A6")),
    /** Every other placement code, and a code the model does not know. */
    OTHER_PLACEMENTS("Other placements", Set.of());

    private final String english;
    private final Set<String> placementCodes;

    PlacementCategory(String english, Set<String> placementCodes) {
        this.english = english;
        this.placementCodes = placementCodes;
    }

    /** The name the database and the CSVs keep, e.g. "Children's homes". */
    public String english() {
        return english;
    }

    /** Its words' key, the English name as a slug: {@code sufficiency.category.<key>}, e.g. {@code children-s-homes}. */
    public String key() {
        return english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The category of an SSDA903 placement code (P1, U4, K2...). */
    public static PlacementCategory of903(String placement) {
        String code = placement.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.placementCodes.contains(code))
                .findFirst()
                .orElse(OTHER_PLACEMENTS);
    }

    /** The category with this English name, as the database keeps it. */
    public static Optional<PlacementCategory> ofEnglish(String english) {
        return Arrays.stream(values()).filter(c -> c.english.equals(english)).findFirst();
    }

    /** The category the database names, where a name the model does not know is a fault in the data. */
    public static PlacementCategory stored(String english) {
        return ofEnglish(english)
                .orElseThrow(() -> new IllegalStateException("Unknown placement category in the database: " + english));
    }

    /**
     * The categories a council commissions beds or places in (a contract's kind): children at
     * home with parents or placed for adoption are not placed in a commissioned bed.
     */
    public static List<PlacementCategory> commissioned() {
        return List.of(
                FAMILY_AND_FRIENDS_FOSTERING,
                OTHER_FOSTERING,
                CHILDRENS_HOMES,
                SUPPORTED_AND_INDEPENDENT_LIVING,
                OTHER_PLACEMENTS);
    }
}
