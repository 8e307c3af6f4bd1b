package org.earlyhelp.hubs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.hubs.internal.SectorQueries;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The borough's postcode sectors ("DY1 2": the outward code and the first digit of the inward
 * code, the precision SSDA903 returns give for home and placement postcodes), each placed at the
 * mean centroid of the areas its postcodes lie in and given to the hub that covers most of them.
 * Built from the postcode lookup the hubs module imports, so empty until one is loaded. Public
 * geography: anyone may ask.
 */
@Service
@Transactional(readOnly = true)
public class PostcodeSectors {

    /** A sector of the borough: where it is, and the hub that covers most of its postcodes, if any. */
    public record Sector(
            String sector, double latitude, double longitude, Optional<HubId> hub, Optional<String> hubName) {}

    private final SectorQueries queries;

    PostcodeSectors(SectorQueries queries) {
        this.queries = queries;
    }

    /** Every sector of the borough's postcode lookup with a located area, by sector. */
    public Map<String, Sector> all() {
        return queries.sectors();
    }

    /**
     * The sector of a full or partial postcode as a return gives it ("DY1 2AB", "dy12ab", "DY1 2"),
     * or empty when it is too short to have one (a district alone) or not a postcode at all.
     */
    public static Optional<String> sectorOf(@Nullable String postcode) {
        if (postcode == null) {
            return Optional.empty();
        }
        String text = postcode.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String outward;
        String inward;
        int space = text.indexOf(' ');
        if (space > 0) {
            outward = text.substring(0, space);
            inward = text.substring(space + 1);
        } else if (text.length() >= 5 && text.length() <= 7) {
            outward = text.substring(0, text.length() - 3);
            inward = text.substring(text.length() - 3);
        } else {
            return Optional.empty();
        }
        if (!outward.matches("[A-Z]{1,2}[0-9][A-Z0-9]?") || inward.isEmpty() || !Character.isDigit(inward.charAt(0))) {
            return Optional.empty();
        }
        return Optional.of(outward + " " + inward.charAt(0));
    }

    /** The distance in kilometres between two points on the Earth (haversine, mean radius 6,371 km). */
    public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
