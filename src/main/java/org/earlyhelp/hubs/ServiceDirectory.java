package org.earlyhelp.hubs;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.internal.HubRepository;
import org.earlyhelp.hubs.internal.ServiceRepository;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Postcode;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of services in each hub: searchable by need, category, words and distance from a
 * postcode. Practitioners and hub leads see their own hubs' services; administrators all.
 */
@Service
@Transactional(readOnly = true)
public class ServiceDirectory {

    /**
     * What to look for. Every part is optional.
     *
     * @param hub one hub, or all the hubs the person works in
     * @param need a Supporting Families outcome area the service helps with
     * @param category a category; a top-level category includes its sub-categories
     * @param text words in the service's name or description, or its organisation's name
     * @param nearPostcode a postcode to measure distances from
     * @param withinKm only services this close to the postcode
     */
    public record Query(
            @Nullable HubId hub,
            @Nullable OutcomeArea need,
            @Nullable ServiceCategory category,
            @Nullable String text,
            @Nullable String nearPostcode,
            @Nullable Double withinKm) {

        public static Query all() {
            return new Query(null, null, null, null, null, null);
        }
    }

    /** The services found, and a plain message when the postcode could not be used. */
    public record Result(List<ServiceListing> services, Optional<String> postcodeProblem) {}

    private final ServiceRepository services;
    private final HubRepository hubs;
    private final CurrentUsers currentUsers;

    ServiceDirectory(ServiceRepository services, HubRepository hubs, CurrentUsers currentUsers) {
        this.services = services;
        this.hubs = hubs;
        this.currentUsers = currentUsers;
    }

    public Result search(Query query) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD, Role.ADMIN);
        Set<HubId> scope;
        if (query.hub() != null) {
            if (!user.worksIn(query.hub())) {
                throw new AccessDeniedException("You do not work in this hub");
            }
            scope = Set.of(query.hub());
        } else if (user.has(Role.ADMIN)) {
            scope = hubs.findAll().stream().map(Hub::id).collect(Collectors.toSet());
        } else {
            scope = user.hubs();
        }
        Set<ServiceCategory> categories = EnumSet.noneOf(ServiceCategory.class);
        if (query.category() != null) {
            for (ServiceCategory c : ServiceCategory.values()) {
                if (c == query.category() || c.parent() == query.category()) {
                    categories.add(c);
                }
            }
        }
        List<ServiceRepository.Located> found =
                scope.isEmpty() ? List.of() : services.search(scope, query.need(), categories, query.text());

        double[] origin = null;
        String problem = null;
        if (query.nearPostcode() != null && !query.nearPostcode().isBlank()) {
            try {
                Postcode postcode = Postcode.parse(query.nearPostcode());
                origin = services.locate(postcode.value()).orElse(null);
                if (origin == null) {
                    problem = "We do not know where " + postcode + " is, so distances are not shown.";
                }
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (origin == null) {
            return new Result(
                    found.stream().map(ServiceRepository.Located::listing).toList(), Optional.ofNullable(problem));
        }
        double[] from = origin;
        List<ServiceListing> measured = found.stream()
                .map(l -> l.listing()
                        .withDistance(
                                l.latitude() == null || l.longitude() == null
                                        ? null
                                        : kilometres(from[0], from[1], l.latitude(), l.longitude())))
                .filter(l -> query.withinKm() == null || (l.distanceKm() != null && l.distanceKm() <= query.withinKm()))
                .sorted(Comparator.comparing(
                        ServiceListing::distanceKm, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return new Result(measured, Optional.empty());
    }

    /** Services in a hub that help with a need, for other modules (a plan's actions, say). */
    public List<ServiceListing> servicesFor(HubId hub, OutcomeArea need) {
        return search(new Query(hub, need, null, null, null, null)).services();
    }

    /** Great-circle distance in kilometres. */
    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
