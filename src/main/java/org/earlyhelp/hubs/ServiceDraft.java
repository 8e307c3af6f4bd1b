package org.earlyhelp.hubs;

import java.util.Set;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;

/** A service as someone typed it, before it is checked and saved. Field names match the form's. */
public record ServiceDraft(
        @Nullable HubId hub,
        @Nullable OrganisationId organisation,
        String name,
        String description,
        @Nullable ServiceCategory category,
        Set<OutcomeArea> needs,
        String eligibility,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        String locationName,
        String address,
        String postcode,
        String contactPhone,
        String contactEmail,
        String website,
        String openingTimes) {

    public ServiceDraft {
        needs = Set.copyOf(needs);
    }
}
