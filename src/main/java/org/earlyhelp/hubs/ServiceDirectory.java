package org.earlyhelp.hubs;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.internal.HubRepository;
import org.earlyhelp.hubs.internal.ServiceRepository;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Postcode;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
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

    /**
     * The services found (at most {@link #MOST_LISTED}: by name, or the nearest first near a
     * postcode), whether more match than that, and a plain message when the postcode could not be
     * used.
     */
    public record Result(List<ServiceListing> services, Optional<Message> postcodeProblem, boolean more) {}

    /** The most services one search lists. */
    public static final int MOST_LISTED = 500;

    private final ServiceRepository services;
    private final HubRepository hubs;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    ServiceDirectory(ServiceRepository services, HubRepository hubs, CurrentUsers currentUsers, AuditTrail audit) {
        this.audit = audit;
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
        double[] origin = null;
        Message problem = null;
        if (query.nearPostcode() != null && !query.nearPostcode().isBlank()) {
            try {
                Postcode postcode = Postcode.parse(query.nearPostcode());
                origin = services.locate(postcode.value()).orElse(null);
                if (origin == null) {
                    problem = new Message("hubs.services.postcode-unknown", postcode.value());
                }
            } catch (Postcode.Invalid e) {
                problem = e.why();
            }
        }
        // Near a postcode, every match is measured before the nearest are kept: the first by name
        // would leave out a near service whose name comes late in the alphabet.
        List<ServiceRepository.Located> found = scope.isEmpty()
                ? List.of()
                : services.search(
                        scope, query.need(), categories, query.text(), origin == null ? MOST_LISTED + 1 : null);
        if (origin == null) {
            Listing<ServiceRepository.Located> listed = Listing.of(found, MOST_LISTED);
            return new Result(
                    listed.items().stream()
                            .map(ServiceRepository.Located::listing)
                            .toList(),
                    Optional.ofNullable(problem),
                    listed.more());
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
        Listing<ServiceListing> nearest = Listing.of(measured, MOST_LISTED);
        return new Result(nearest.items(), Optional.empty(), nearest.more());
    }

    /**
     * Adds a service to a hub's directory. Hub leads (their own hubs) and administrators.
     *
     * @throws ValidationException naming each field that is wrong; nothing is saved
     */
    @Transactional
    public ServiceListing add(ServiceDraft draft) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        if (draft.hub() != null && !user.worksIn(draft.hub())) {
            throw new AccessDeniedException("You do not lead this hub");
        }
        Map<String, Message> problems = new LinkedHashMap<>();
        if (draft.hub() == null) {
            problems.put("hub", new Message("hubs.problem.hub.choose-hub-service"));
        }
        if (draft.organisation() == null
                || hubs.findOrganisation(draft.organisation()).isEmpty()) {
            problems.put("organisation", new Message("hubs.problem.organisation.choose-organisation-runs-service"));
        }
        String name = draft.name().strip();
        if (name.length() < 2 || name.length() > 200) {
            problems.put("name", new Message("hubs.problem.name.give-service-name-2-200"));
        }
        String description = draft.description().strip();
        if (description.isEmpty() || description.length() > 2000) {
            problems.put("description", new Message("hubs.problem.description.describe-service-up-2-000"));
        }
        if (draft.category() == null) {
            problems.put("category", new Message("hubs.problem.category.choose-category"));
        }
        if (draft.needs().isEmpty()) {
            problems.put("needs", new Message("hubs.problem.needs.choose-least-one-need-service"));
        }
        if (draft.minAge() != null && (draft.minAge() < 0 || draft.minAge() > 25)) {
            problems.put("minAge", new Message("hubs.problem.minage.youngest-age-must-0-25"));
        }
        if (draft.maxAge() != null && (draft.maxAge() < 0 || draft.maxAge() > 120)) {
            problems.put("maxAge", new Message("hubs.problem.maxage.oldest-age-must-0-120"));
        } else if (draft.minAge() != null && draft.maxAge() != null && draft.maxAge() < draft.minAge()) {
            problems.put("maxAge", new Message("hubs.problem.maxage.oldest-age-cannot-below-youngest"));
        }
        String postcode = null;
        if (!draft.postcode().isBlank()) {
            try {
                postcode = Postcode.parse(draft.postcode()).value();
            } catch (Postcode.Invalid e) {
                problems.put("postcode", e.why());
            }
        }
        String email = draft.contactEmail().strip();
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.put("contactEmail", new Message("hubs.problem.contactemail.not-email-address-like-name"));
        }
        String phone = draft.contactPhone().strip();
        if (!phone.isEmpty() && !phone.matches("[0-9 +()-]{6,20}")) {
            problems.put("contactPhone", new Message("hubs.problem.contactphone.phone-number-has-6-20"));
        }
        String website = draft.website().strip();
        if (!website.isEmpty() && !website.matches("https?://\\S+")) {
            problems.put("website", new Message("hubs.problem.website.website-starts-with-https"));
        }
        if (draft.hub() != null && problems.isEmpty() && services.exists(draft.hub(), name)) {
            problems.put("name", new Message("hubs.problem.name.hub-already-has-service-with"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ServiceListing listing = new ServiceListing(
                UUID.randomUUID(),
                requireNonNull(draft.hub()),
                "",
                name,
                description,
                requireNonNull(draft.category()),
                draft.needs(),
                draft.eligibility().strip(),
                draft.minAge(),
                draft.maxAge(),
                draft.locationName().strip(),
                draft.address().strip(),
                postcode,
                phone,
                email,
                website,
                draft.openingTimes().strip(),
                null);
        services.insert(listing, requireNonNull(draft.organisation()).value());
        audit.record(AuditAction.ADD, "service", listing.id().toString(), draft.hub(), null, name);
        return listing;
    }

    /** Removes a service from the directory. Hub leads (their own hubs) and administrators. */
    @Transactional
    public void remove(ServiceListing service) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        if (!user.worksIn(service.hub())) {
            throw new AccessDeniedException("You do not lead this hub");
        }
        if (!services.delete(service.id())) {
            throw new ChangedBySomeoneElseException(new Message("hubs.changed.service-0", service.name()));
        }
        audit.record(AuditAction.REMOVE, "service", service.id().toString(), service.hub(), null, service.name());
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
