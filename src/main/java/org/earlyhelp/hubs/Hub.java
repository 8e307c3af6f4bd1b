package org.earlyhelp.hubs;

import java.util.List;
import org.earlyhelp.shared.HubId;

/**
 * A neighbourhood hub as other modules see it.
 *
 * @param id its code
 * @param name its name, for people
 * @param status planned, pilot or live
 * @param population residents (mid-year estimate)
 * @param children residents aged 0-15
 * @param wards the electoral wards it covers, by name
 */
public record Hub(HubId id, String name, HubStatus status, int population, int children, List<String> wards) {

    public Hub {
        wards = List.copyOf(wards);
    }
}
