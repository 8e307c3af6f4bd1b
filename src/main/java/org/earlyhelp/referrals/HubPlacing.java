package org.earlyhelp.referrals;

import java.util.Map;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.referrals.HubPlacing.Placed;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The hub that decides a request: the one whose area holds the family's postcode, or, for a
 * postcode the borough's lookup does not place, the hub the referrer chose with a reason.
 */
@Component
class HubPlacing {

    /** Where a family lives, resolved to a hub. */
    record Placed(
            String postcode,
            @Nullable String area,
            HubId hub,
            @Nullable String hubReason) {}

    private final PostcodeLookup postcodes;
    private final HubDirectory hubs;

    HubPlacing(PostcodeLookup postcodes, HubDirectory hubs) {
        this.postcodes = postcodes;
        this.hubs = hubs;
    }

    /** The hub from the postcode, or the one chosen with a reason when the postcode gives none. */
    @SuppressWarnings("NullAway")
    Placed place(String postcode, @Nullable HubId chosen, @Nullable String reason, Map<String, Message> problems) {
        PostcodeLookup.Result result = postcodes.lookup(postcode == null ? "" : postcode);
        switch (result) {
            case PostcodeLookup.Malformed malformed -> {
                problems.put("postcode", malformed.reason());
                return new Placed("", null, new HubId("unknown"), null);
            }
            case PostcodeLookup.Found found
            when found.hub().isPresent() -> {
                return new Placed(
                        found.postcode().value(), found.areaCode(), found.hub().get(), null);
            }
            case PostcodeLookup.Found found -> {
                return chosen(found.postcode().value(), found.areaCode(), chosen, reason, problems);
            }
            case PostcodeLookup.Unknown unknown -> {
                return chosen(unknown.postcode().value(), null, chosen, reason, problems);
            }
        }
    }

    private Placed chosen(
            String postcode,
            @Nullable String area,
            @Nullable HubId chosen,
            @Nullable String reason,
            Map<String, Message> problems) {
        if (chosen == null || hubs.hub(chosen).isEmpty()) {
            problems.put("hub", new Message("referrals.problem.hub.postcode-not-borough-s-lookup"));
            return new Placed(postcode, area, new HubId("unknown"), null);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            problems.put("hubReason", new Message("referrals.problem.hubreason.say-why-hub-example-school"));
        }
        return new Placed(postcode, area, chosen, reason == null ? null : reason.strip());
    }
}
