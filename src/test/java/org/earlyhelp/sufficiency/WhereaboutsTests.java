package org.earlyhelp.sufficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hubs.PostcodeSectors;
import org.earlyhelp.hubs.PostcodeSectors.Sector;
import org.earlyhelp.shared.HubId;
import org.junit.jupiter.api.Test;

/**
 * Where children in care live and are placed, worked by hand on a made-up lookup of three
 * sectors: "DY1 1" at 52.5 N 2.0 W (hub Alpha), "DY1 2" a tenth of a degree west (hub Beta) and
 * "DY5 3" a tenth of a degree north (no hub yet).
 */
class WhereaboutsTests {

    private static final Map<String, Sector> LOOKUP = Map.of(
            "DY1 1", new Sector("DY1 1", 52.5, -2.0, Optional.of(new HubId("alpha")), Optional.of("Alpha")),
            "DY1 2", new Sector("DY1 2", 52.5, -2.1, Optional.of(new HubId("beta")), Optional.of("Beta")),
            "DY5 3", new Sector("DY5 3", 52.6, -2.0, Optional.empty(), Optional.empty()));

    private static final List<Whereabouts.Pair> PAIRS = List.of(
            // same sector: 0 km
            new Whereabouts.Pair("DY1 1AB", "DY1 1ZZ", 3),
            // 0.1 degree of longitude at 52.5 N: 111.195 km x 0.1 x cos 52.5 = 6.77 km
            new Whereabouts.Pair("DY1 1AB", "DY1 2", 2),
            // 0.1 degree of latitude: 11.12 km
            new Whereabouts.Pair("DY1 1AB", "DY5 3XX", 1),
            // written without a space, placed beyond the borough
            new Whereabouts.Pair("dy12ab", "WV1 4AA", 4),
            new Whereabouts.Pair("DY5 3", null, 5),
            new Whereabouts.Pair(null, "DY1 1", 6),
            new Whereabouts.Pair("B17 9", "DY1 2", 7));

    @Test
    void sectorsAreReadFromFullAndPartialPostcodes() {
        assertThat(PostcodeSectors.sectorOf("DY1 2AB")).contains("DY1 2");
        assertThat(PostcodeSectors.sectorOf(" dy12ab ")).contains("DY1 2");
        assertThat(PostcodeSectors.sectorOf("WV14 0QX")).contains("WV14 0");
        assertThat(PostcodeSectors.sectorOf("B62 9")).contains("B62 9");
        assertThat(PostcodeSectors.sectorOf("DY1")).isEmpty();
        assertThat(PostcodeSectors.sectorOf("12345")).isEmpty();
        assertThat(PostcodeSectors.sectorOf("not a postcode")).isEmpty();
        assertThat(PostcodeSectors.sectorOf(null)).isEmpty();
    }

    @Test
    void distancesAreWorkedOnTheSphere() {
        assertThat(PostcodeSectors.kilometres(52.5, -2.0, 52.5, -2.1)).isCloseTo(6.769, within(0.01));
        assertThat(PostcodeSectors.kilometres(52.5, -2.0, 52.6, -2.0)).isCloseTo(11.119, within(0.01));
        assertThat(PostcodeSectors.kilometres(52.5, -2.0, 52.5, -2.0)).isZero();
    }

    @Test
    void childrenAreCountedByWhereTheyArePlacedHowFarAndWhereTheyLived() {
        Whereabouts.Counts counts = Whereabouts.count(PAIRS, LOOKUP);
        // 28 children: 3 + 2 + 1 + 6 + 7 placed in the borough, 4 outside, 5 with no placement postcode.
        assertThat(counts.placedIn())
                .containsExactly(
                        Map.entry(Whereabouts.IN_BOROUGH, 19L),
                        Map.entry(Whereabouts.OUTSIDE, 4L),
                        Map.entry(Whereabouts.PLACEMENT_NOT_RECORDED, 5L));
        // Distance only where both ends are in the borough: 3 at 0 km, 2 at 6.8 km, 1 at 11.1 km.
        assertThat(counts.distance())
                .containsExactly(
                        Map.entry(Whereabouts.UNDER_5, 3L),
                        Map.entry(Whereabouts.FROM_5_TO_10, 2L),
                        Map.entry(Whereabouts.FROM_10_TO_32, 1L),
                        Map.entry(Whereabouts.OVER_20_MILES, 0L),
                        Map.entry(Whereabouts.DISTANCE_NOT_KNOWN, 22L));
        // Homes: Alpha 3 + 2 + 1, Beta 4, DY5 3 in no hub 5, B17 outside 7, not recorded 6.
        assertThat(counts.homeArea())
                .containsExactly(
                        Map.entry("Alpha", 6L),
                        Map.entry("Beta", 4L),
                        Map.entry(Whereabouts.NO_HUB, 5L),
                        Map.entry(Whereabouts.HOME_OUTSIDE, 7L),
                        Map.entry(Whereabouts.HOME_NOT_RECORDED, 6L));
    }

    @Test
    void nationalPositionsGiveDistancesBeyondTheBorough() {
        // WV1 4 half a degree west of DY1 1, B17 9 half a degree east: outside the borough's lookup.
        Map<String, double[]> national = Map.of("WV1 4", new double[] {52.5, -2.5}, "B17 9", new double[] {52.5, -1.5});
        Whereabouts.Counts counts = Whereabouts.count(PAIRS, LOOKUP, national);
        // DY1 2 to WV1 4: 0.4 degree of longitude = 27.1 km; B17 9 to DY1 2: 0.6 degree = 40.6 km.
        assertThat(PostcodeSectors.kilometres(52.5, -2.1, 52.5, -2.5)).isCloseTo(27.08, within(0.05));
        assertThat(PostcodeSectors.kilometres(52.5, -1.5, 52.5, -2.1)).isCloseTo(40.61, within(0.05));
        assertThat(counts.distance())
                .containsExactly(
                        Map.entry(Whereabouts.UNDER_5, 3L),
                        Map.entry(Whereabouts.FROM_5_TO_10, 2L),
                        Map.entry(Whereabouts.FROM_10_TO_32, 1L + 4L),
                        Map.entry(Whereabouts.OVER_20_MILES, 7L),
                        Map.entry(Whereabouts.DISTANCE_NOT_KNOWN, 5L + 6L));
        // In or out of the borough still follows the borough's own lookup.
        assertThat(counts.placedIn()).containsEntry(Whereabouts.OUTSIDE, 4L);
        // National positions alone: distances, but nobody can say what is in the borough.
        Whereabouts.Counts alone = Whereabouts.count(PAIRS, Map.of(), national);
        assertThat(alone.placedIn()).containsExactly(Map.entry(Whereabouts.NO_LOOKUP, 28L));
        assertThat(alone.distance()).containsEntry(Whereabouts.DISTANCE_NOT_KNOWN, 28L);
    }

    @Test
    void withoutALookupEverythingIsUnknown() {
        Whereabouts.Counts counts = Whereabouts.count(PAIRS, Map.of());
        assertThat(counts.placedIn()).containsExactly(Map.entry(Whereabouts.NO_LOOKUP, 28L));
        assertThat(counts.distance()).containsExactly(Map.entry(Whereabouts.NO_LOOKUP, 28L));
        assertThat(counts.homeArea()).containsExactly(Map.entry(Whereabouts.NO_LOOKUP, 28L));
        assertThat(Whereabouts.count(List.of(), LOOKUP).placedIn()).isEmpty();
    }

    @Test
    void smallCountsOfChildrenAreSuppressedInExportsButOtherNumbersAreNot() {
        assertThat(TableExports.text(new TableExports.Children(0))).isEqualTo("0");
        assertThat(TableExports.text(new TableExports.Children(0.4))).isEqualTo("0");
        assertThat(TableExports.text(new TableExports.Children(0.6))).isEqualTo(TableExports.SUPPRESSED);
        assertThat(TableExports.text(new TableExports.Children(4.4))).isEqualTo(TableExports.SUPPRESSED);
        assertThat(TableExports.text(new TableExports.Children(4.5))).isEqualTo("5");
        assertThat(TableExports.text(new TableExports.Children(740))).isEqualTo("740");
        assertThat(TableExports.text(3)).isEqualTo("3");
        assertThat(TableExports.text(2.5)).isEqualTo("2.50");
        assertThat(TableExports.text(null)).isNull();
    }
}
