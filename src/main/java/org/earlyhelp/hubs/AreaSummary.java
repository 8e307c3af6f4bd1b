package org.earlyhelp.hubs;

import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * A small area (LSOA) as the administrator sees it.
 *
 * @param code the ONS code, for example {@code E01009719}
 * @param name the ONS name, for example {@code Dudley 027A}
 * @param population residents
 * @param children residents aged 0-15
 * @param imdDecile deprivation decile (1 = most deprived 10% in England), or {@code null} before
 *     the deprivation file is imported
 * @param wardCode the ward containing its centre, or {@code null}
 * @param wardName that ward's name, or {@code null}
 * @param hub the hub it belongs to, or {@code null} when unassigned
 * @param hasBoundary whether its boundary is known (for the map)
 * @param version for detecting concurrent changes
 */
public record AreaSummary(
        String code,
        String name,
        int population,
        int children,
        @Nullable Integer imdDecile,
        @Nullable String wardCode,
        @Nullable String wardName,
        @Nullable HubId hub,
        boolean hasBoundary,
        int version) {}
