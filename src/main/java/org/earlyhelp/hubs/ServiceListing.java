package org.earlyhelp.hubs;

import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;

/**
 * A service in the directory (Open Referral UK: organisation, service, location, eligibility,
 * contact, schedule).
 *
 * @param distanceKm how far it is from the postcode searched from, or {@code null}
 */
public record ServiceListing(
        UUID id,
        HubId hub,
        String organisationName,
        String name,
        String description,
        ServiceCategory category,
        Set<OutcomeArea> needs,
        String eligibility,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        String locationName,
        String address,
        @Nullable String postcode,
        String contactPhone,
        String contactEmail,
        String website,
        String openingTimes,
        @Nullable Double distanceKm) {

    public ServiceListing {
        needs = Set.copyOf(needs);
    }

    public ServiceListing withDistance(@Nullable Double km) {
        return new ServiceListing(
                id,
                hub,
                organisationName,
                name,
                description,
                category,
                needs,
                eligibility,
                minAge,
                maxAge,
                locationName,
                address,
                postcode,
                contactPhone,
                contactEmail,
                website,
                openingTimes,
                km);
    }
}
