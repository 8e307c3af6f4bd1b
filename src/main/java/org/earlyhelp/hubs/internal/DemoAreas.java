package org.earlyhelp.hubs.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.earlyhelp.hubs.Hub;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demonstration areas: until an administrator imports the real small areas, each demonstration
 * hub is drawn as a cluster of 30 hexagonal "demo areas" (codes E01999xxx, which ONS never
 * issues) whose populations add up to the hub's, with deprivation deciles and postcodes in the
 * borough's real postcode districts. Importing real areas adds to them and removes none, since
 * the demonstration families and their requests refer to them. They stand in for a hub until it
 * has real areas: from then its population and children are its real areas', maps draw the real
 * areas, and the demonstration areas stay in the tables with the requests placed in them.
 */
@Component
class DemoAreas {

    /** Codes of demonstration areas start with this; no real LSOA code does. */
    static final String PREFIX = "E01999";

    private static final int PER_HUB = 30;
    private static final int COLUMNS = 6;
    private static final Map<String, List<String>> DISTRICTS = Map.of(
            "north-dudley", List.of("DY3", "WV14"),
            "dudley-central", List.of("DY1", "DY2"),
            "brierley-hill", List.of("DY5"),
            "kingswinford", List.of("DY6"),
            "stourbridge", List.of("DY8", "DY9"),
            "halesowen", List.of("B62", "B63"));
    /** Mean deprivation decile per hub, roughly as in the real borough. */
    private static final Map<String, Integer> DECILE = Map.of(
            "north-dudley",
            5,
            "dudley-central",
            3,
            "brierley-hill",
            5,
            "kingswinford",
            6,
            "stourbridge",
            6,
            "halesowen",
            6);

    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final JdbcClient jdbc;
    private final HubRepository hubs;

    DemoAreas(JdbcClient jdbc, HubRepository hubs) {
        this.jdbc = jdbc;
        this.hubs = hubs;
    }

    /** Adds the demonstration areas if there are no areas at all. */
    void loadIfNoAreas() {
        if (jdbc.sql("SELECT count(*) FROM hubs.area").query(Long.class).single() > 0) {
            return;
        }
        Random random = new Random(50_000L);
        List<Hub> all = hubs.findAll().stream()
                .sorted((a, b) -> a.id().value().compareTo(b.id().value()))
                .toList();
        Set<String> postcodes = new HashSet<>();
        double size = 0.0065; // hexagon radius in degrees of latitude
        double width = Math.sqrt(3) * size / Math.cos(Math.toRadians(52.5));
        for (int h = 0; h < all.size(); h++) {
            Hub hub = all.get(h);
            double originLon = -2.20 + (h % 3) * (COLUMNS + 1) * width;
            double originLat = 52.52 - (h / 3) * 6 * 1.5 * size;
            int remainingPeople = hub.population();
            int remainingChildren = hub.children();
            for (int i = 0; i < PER_HUB; i++) {
                int people =
                        i == PER_HUB - 1 ? remainingPeople : hub.population() / PER_HUB + random.nextInt(201) - 100;
                int children = i == PER_HUB - 1
                        ? remainingChildren
                        : Math.min(people, hub.children() / PER_HUB + random.nextInt(61) - 30);
                remainingPeople -= people;
                remainingChildren -= children;
                int column = i % COLUMNS;
                int row = i / COLUMNS;
                double lon = originLon + column * width + (row % 2) * width / 2;
                double lat = originLat - row * 1.5 * size;
                int decile =
                        Math.max(1, Math.min(10, DECILE.getOrDefault(hub.id().value(), 5) + random.nextInt(5) - 2));
                String code = PREFIX + h + String.format(Locale.ROOT, "%02d", i);
                String name = shortName(hub.name()) + " demo area " + String.format(Locale.ROOT, "%02d", i + 1);
                jdbc.sql("""
                                INSERT INTO hubs.area (code, name, population, children, imd_decile, centroid_lat, centroid_lon,
                                  boundary, hub_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                code,
                                name,
                                people,
                                children,
                                decile,
                                lat,
                                lon,
                                hexagon(lon, lat, size),
                                hub.id().value())
                        .update();
                List<String> districts = DISTRICTS.getOrDefault(hub.id().value(), List.of("DY1"));
                for (int p = 0; p < 10; p++) {
                    String postcode;
                    do {
                        postcode = districts.get(random.nextInt(districts.size())) + " " + (1 + random.nextInt(9))
                                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
                    } while (!postcodes.add(postcode));
                    jdbc.sql("INSERT INTO hubs.postcode (postcode, area_code) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .params(postcode, code)
                            .update();
                }
            }
        }
        hubs.refreshTotals();
    }

    private static String hexagon(double lon, double lat, double size) {
        double lonScale = 1 / Math.cos(Math.toRadians(lat));
        StringBuilder ring = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int k = 0; k <= 6; k++) {
            double angle = Math.toRadians(60 * (k % 6) + 30);
            ring.append(k == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "[%.6f,%.6f]",
                            lon + size * Math.cos(angle) * lonScale,
                            lat + size * Math.sin(angle)));
        }
        return ring.append("]]}").toString();
    }

    private static String shortName(String name) {
        return name.split("[,(&]")[0].strip();
    }
}
