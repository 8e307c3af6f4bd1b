package org.earlyhelp.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlacementCategoryTests {

    @Test
    void eachPlacementCodeFallsInItsCategoryWhateverItsCase() {
        assertThat(PlacementCategory.of903("P1")).isEqualTo(PlacementCategory.PLACED_WITH_PARENTS);
        assertThat(PlacementCategory.of903("u2")).isEqualTo(PlacementCategory.FAMILY_AND_FRIENDS_FOSTERING);
        assertThat(PlacementCategory.of903("U6")).isEqualTo(PlacementCategory.OTHER_FOSTERING);
        assertThat(PlacementCategory.of903(" K2 ")).isEqualTo(PlacementCategory.CHILDRENS_HOMES);
        assertThat(PlacementCategory.of903("P2")).isEqualTo(PlacementCategory.SUPPORTED_AND_INDEPENDENT_LIVING);
        assertThat(PlacementCategory.of903("A6")).isEqualTo(PlacementCategory.PLACED_FOR_ADOPTION);
        assertThat(PlacementCategory.of903("S1")).isEqualTo(PlacementCategory.OTHER_PLACEMENTS);
        assertThat(PlacementCategory.of903("Z9")).isEqualTo(PlacementCategory.OTHER_PLACEMENTS);
    }

    @Test
    void theStoredNameFindsTheCategoryAndAnUnknownNameIsAFaultInTheData() {
        for (PlacementCategory category : PlacementCategory.values()) {
            assertThat(PlacementCategory.stored(category.english())).isEqualTo(category);
        }
        assertThat(Arrays.stream(PlacementCategory.values()).map(PlacementCategory::english))
                .doesNotHaveDuplicates();
        assertThatThrownBy(() -> PlacementCategory.stored("CHILDRENS_HOMES"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHILDRENS_HOMES");
    }

    @Test
    void bedsAreNotCommissionedForChildrenAtHomeOrPlacedForAdoption() {
        assertThat(PlacementCategory.commissioned())
                .doesNotContain(PlacementCategory.PLACED_WITH_PARENTS, PlacementCategory.PLACED_FOR_ADOPTION)
                .contains(PlacementCategory.CHILDRENS_HOMES, PlacementCategory.OTHER_FOSTERING);
    }
}
