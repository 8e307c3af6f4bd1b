package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A listing read with one more than it shows says whether the list goes on, and never shows that one. */
class ListingTests {

    @Test
    void oneMoreThanTheMostMeansTheListGoesOn() {
        Listing<Integer> listing = Listing.of(List.of(1, 2, 3, 4), 3);
        assertThat(listing.items()).containsExactly(1, 2, 3);
        assertThat(listing.more()).isTrue();
        assertThat(listing.size()).isEqualTo(3);
    }

    @Test
    void theMostOrFewerIsTheWholeList() {
        assertThat(Listing.of(List.of(1, 2, 3), 3)).isEqualTo(new Listing<>(List.of(1, 2, 3), false));
        assertThat(Listing.of(List.of(), 3).isEmpty()).isTrue();
        assertThat(Listing.of(List.of(), 3).more()).isFalse();
    }

    @Test
    void mappingKeepsWhetherTheListGoesOn() {
        Listing<String> mapped = Listing.of(List.of(1, 2, 3), 2).map(i -> "#" + i);
        assertThat(mapped.items()).containsExactly("#1", "#2");
        assertThat(mapped.more()).isTrue();
    }
}
