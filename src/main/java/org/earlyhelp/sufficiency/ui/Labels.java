package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;
import org.earlyhelp.shared.ui.Definition;
import org.earlyhelp.sufficiency.PlacementCategory;

/**
 * The forecasting model's labels in the page's language. The model and its stored rows name
 * placement categories, exit routes and provider groups in English (the names the CSVs and the
 * database keep); a page shows each through the translation files.
 */
final class Labels {

    private Labels() {}

    /** A placement category ("Children's homes"), from {@code sufficiency.category.*}. */
    static String category(PlacementCategory category) {
        return I18NProvider.translate("sufficiency.category." + category.key());
    }

    /**
     * A group of placements on the stock page ("Residential schools"): the model's categories and,
     * split out of its "Other placements", residential schools and secure, health and temporary
     * placements; from {@code sufficiency.category.*}.
     */
    static String placementGroup(String english) {
        return I18NProvider.translate("sufficiency.category." + slug(english));
    }

    /** A way of leaving care ("Special guardianship order"), from {@code sufficiency.exit.*}. */
    static String exit(String route) {
        return I18NProvider.translate("sufficiency.exit." + slug(route));
    }

    /** Who provides a placement ("own", "external", "family"), from {@code sufficiency.provider-group.*}. */
    static String providerGroup(String group) {
        return I18NProvider.translate("sufficiency.provider-group." + slug(group));
    }

    /** How a figure is counted, one click from it (the same words are in docs/figures.md). */
    static Component define(String key) {
        return Definition.of(I18NProvider.translate("define.summary"), key, I18NProvider.translate("define." + key));
    }

    static String slug(String english) {
        return english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
