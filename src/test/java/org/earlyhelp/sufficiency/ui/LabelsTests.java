package org.earlyhelp.sufficiency.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.sufficiency.PlacementCategory;
import org.earlyhelp.sufficiency.internal.StockFlowModel;
import org.junit.jupiter.api.Test;

/**
 * Every label the forecasting model names (placement categories, exit routes, provider groups)
 * has its words in the translation files, under the key a page looks it up by, and in English
 * reads as the model names it.
 */
class LabelsTests {

    private static final ResourceBundle FILES = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.ROOT);

    /** StockQueries' PLACEMENT_GROUP: the SQL that names each child's placement group. */
    private static String placementGroups() throws IOException {
        String source = Files.readString(Path.of("src/main/java/org/earlyhelp/sufficiency/internal/StockQueries.java"));
        int from = source.indexOf("PLACEMENT_GROUP = \"\"\"");
        return source.substring(from, source.indexOf("\"\"\";", from));
    }

    @Test
    void everyCategoryExitAndProviderGroupIsInTheFiles() throws Exception {
        List<String> categories = new ArrayList<>(StockFlowModel.CATEGORIES.stream()
                .map(PlacementCategory::english)
                .toList());
        // The groups children in care are counted in, as the SQL names them.
        Matcher named =
                Pattern.compile("THEN '((?:[^']|'')+)'|ELSE '((?:[^']|'')+)'").matcher(placementGroups());
        while (named.find()) {
            categories.add((named.group(1) != null ? named.group(1) : named.group(2)).replace("''", "'"));
        }
        assertThat(categories).contains("Children's homes", "Residential schools", "Other placements");
        for (String category : categories) {
            assertThat(FILES.getString("sufficiency.category." + Labels.slug(category)))
                    .isEqualTo(category);
        }
        for (String route : StockFlowModel.EXITS) {
            assertThat(FILES.getString("sufficiency.exit." + Labels.slug(route)))
                    .isEqualTo(route);
        }
        for (String group : List.of("own", "external", "family")) {
            assertThat(FILES.containsKey("sufficiency.provider-group." + group)).isTrue();
        }
    }
}
