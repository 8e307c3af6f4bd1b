package org.earlyhelp.sufficiency;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.earlyhelp.hubs.PostcodeSectors;
import org.earlyhelp.hubs.PostcodeSectors.Sector;
import org.earlyhelp.sufficiency.internal.StockQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where the children in care on a date come from and are placed, from the returns' home and
 * placement postcodes (sectors, "DY1 2") set against the borough's postcode lookup: placed in or
 * outside the borough, the distance between home and placement (where both sectors are in the
 * borough, or anywhere once national sector positions are loaded), and the hub that covers the
 * child's home. Without a lookup, all of it is unknown.
 * Callers check the role.
 */
@Component
class Whereabouts {

    static final String NO_LOOKUP = "Unknown (no postcode lookup loaded)";
    static final String IN_BOROUGH = "Placed in the borough";
    static final String OUTSIDE = "Placed outside the borough";
    static final String PLACEMENT_NOT_RECORDED = "Placement postcode not recorded";
    static final String UNDER_5 = "1. Under 5 km";
    static final String FROM_5_TO_10 = "2. 5 to 10 km";
    static final String FROM_10_TO_32 = "3. 10 to 32 km";
    static final String OVER_20_MILES = "4. 32 km (20 miles) or more";
    static final String DISTANCE_NOT_KNOWN =
            "5. Not known (a postcode not recorded, or outside the borough with no national positions loaded)";
    static final String HOME_OUTSIDE = "Home outside the borough";
    static final String HOME_NOT_RECORDED = "Home postcode not recorded";
    static final String NO_HUB = "In the borough, no hub covers it yet";

    /** The children in care on a date, by pair of home and placement postcodes as the returns give them. */
    record Pair(@Nullable String home, @Nullable String placement, long children) {}

    /** The three breakdowns, each adding up to the children in care. */
    record Counts(Map<String, Long> placedIn, Map<String, Long> distance, Map<String, Long> homeArea) {}

    private final StockQueries stock;
    private final PostcodeSectors sectors;
    private final SectorPositions positions;

    Whereabouts(StockQueries stock, PostcodeSectors sectors, SectorPositions positions) {
        this.stock = stock;
        this.sectors = sectors;
        this.positions = positions;
    }

    Map<String, Sector> sectors() {
        return sectors.all();
    }

    /** One episode a child (the earliest of any that overlap the date), as {@link CareStock} counts them. */
    List<Pair> pairsOn(LocalDate date) {
        return stock.postcodePairs(date).stream()
                .map(p -> new Pair(p.home(), p.placement(), p.children()))
                .toList();
    }

    Counts on(LocalDate date) {
        return count(pairsOn(date), sectors(), positions.all());
    }

    static Counts count(List<Pair> pairs, Map<String, Sector> lookup) {
        return count(pairs, lookup, Map.of());
    }

    /**
     * @param lookup the borough's sectors: in or out of the borough, home hub, positions
     * @param national positions of sectors anywhere, for distances beyond the borough
     */
    static Counts count(List<Pair> pairs, Map<String, Sector> lookup, Map<String, double[]> national) {
        Map<String, Long> placedIn = new LinkedHashMap<>();
        Map<String, Long> distance = new LinkedHashMap<>();
        Map<String, Long> homeArea = new LinkedHashMap<>();
        long total = pairs.stream().mapToLong(Pair::children).sum();
        if (total == 0) {
            return new Counts(placedIn, distance, homeArea);
        }
        if (lookup.isEmpty() && national.isEmpty()) {
            placedIn.put(NO_LOOKUP, total);
            distance.put(NO_LOOKUP, total);
            homeArea.put(NO_LOOKUP, total);
            return new Counts(placedIn, distance, homeArea);
        }
        for (String key : List.of(UNDER_5, FROM_5_TO_10, FROM_10_TO_32, OVER_20_MILES, DISTANCE_NOT_KNOWN)) {
            distance.put(key, 0L);
        }
        for (Pair p : pairs) {
            Optional<double[]> from = position(p.home(), lookup, national);
            Optional<double[]> to = position(p.placement(), lookup, national);
            String band = DISTANCE_NOT_KNOWN;
            if (from.isPresent() && to.isPresent()) {
                double km = PostcodeSectors.kilometres(from.get()[0], from.get()[1], to.get()[0], to.get()[1]);
                band = km < 5 ? UNDER_5 : km < 10 ? FROM_5_TO_10 : km < 32.19 ? FROM_10_TO_32 : OVER_20_MILES;
            }
            distance.merge(band, p.children(), Long::sum);
        }
        if (lookup.isEmpty()) {
            placedIn.put(NO_LOOKUP, total);
            homeArea.put(NO_LOOKUP, total);
            return new Counts(placedIn, distance, homeArea);
        }
        for (String key : List.of(IN_BOROUGH, OUTSIDE, PLACEMENT_NOT_RECORDED)) {
            placedIn.put(key, 0L);
        }
        Map<String, Long> homes = new TreeMap<>(AREA_ORDER);
        for (Pair p : pairs) {
            Optional<String> placementSector = PostcodeSectors.sectorOf(p.placement());
            Optional<Sector> placement = placementSector.map(lookup::get);
            String where =
                    placementSector.isEmpty() ? PLACEMENT_NOT_RECORDED : placement.isPresent() ? IN_BOROUGH : OUTSIDE;
            placedIn.merge(where, p.children(), Long::sum);
            Optional<String> homeSector = PostcodeSectors.sectorOf(p.home());
            Optional<Sector> home = homeSector.map(lookup::get);
            String area = homeSector.isEmpty()
                    ? HOME_NOT_RECORDED
                    : home.map(s -> s.hubName().orElse(NO_HUB)).orElse(HOME_OUTSIDE);
            homes.merge(area, p.children(), Long::sum);
        }
        return new Counts(placedIn, distance, homes);
    }

    /** Where a postcode's sector is: the borough's lookup first, then the national positions. */
    private static Optional<double[]> position(
            @Nullable String postcode, Map<String, Sector> lookup, Map<String, double[]> national) {
        return PostcodeSectors.sectorOf(postcode).flatMap(sector -> {
            Sector local = lookup.get(sector);
            return local != null
                    ? Optional.of(new double[] {local.latitude(), local.longitude()})
                    : Optional.ofNullable(national.get(sector));
        });
    }

    /** Areas as tables list them: hubs by name, then the rows that are not a hub. */
    static final Comparator<String> AREA_ORDER =
            Comparator.comparingInt(Whereabouts::rank).thenComparing(Comparator.naturalOrder());

    private static int rank(String area) {
        return switch (area) {
            case NO_HUB -> 1;
            case HOME_OUTSIDE, Forecasts.OUTSIDE_OR_UNKNOWN -> 2;
            case HOME_NOT_RECORDED -> 3;
            default -> 0;
        };
    }
}
