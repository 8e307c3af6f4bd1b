package org.earlyhelp.hubs;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.internal.AreaImporter;
import org.earlyhelp.hubs.internal.AreaMaps;
import org.earlyhelp.hubs.internal.AreaRepository;
import org.earlyhelp.hubs.internal.BoundaryImporter;
import org.earlyhelp.hubs.internal.HubRepository;
import org.earlyhelp.hubs.internal.MemberRepository;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OrganisationType;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.imports.ImportReport;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to define the hubs: import the open data about areas, assign areas
 * (one by one or a ward at a time) to hubs, and see each hub's size. Administrators only.
 */
@Service
@EnableConfigurationProperties(HubsProperties.class)
public class HubAdministration {

    private final CurrentUsers currentUsers;
    private final AreaImporter importer;
    private final BoundaryImporter boundaries;
    private final AreaRepository areas;
    private final HubRepository hubs;
    private final HubsProperties properties;
    private final AreaMaps maps;
    private final AuditTrail audit;
    private final MemberRepository members;

    HubAdministration(
            CurrentUsers currentUsers,
            AreaImporter importer,
            BoundaryImporter boundaries,
            AreaRepository areas,
            HubRepository hubs,
            HubsProperties properties,
            AreaMaps maps,
            AuditTrail audit,
            MemberRepository members) {
        this.members = members;
        this.maps = maps;
        this.audit = audit;
        this.currentUsers = currentUsers;
        this.importer = importer;
        this.boundaries = boundaries;
        this.areas = areas;
        this.hubs = hubs;
        this.properties = properties;
    }

    /** The kinds of file an administrator can import. */
    public enum FileKind {
        AREAS,
        DEPRIVATION,
        AREA_BOUNDARIES,
        WARD_BOUNDARIES,
        POSTCODES,
        ASSIGNMENTS
    }

    /** Imports one file; all or nothing. */
    public ImportReport importFile(FileKind kind, String fileName, InputStream in) {
        currentUsers.requireAnyOf(Role.ADMIN);
        return switch (kind) {
            case AREAS -> importer.importAreas(fileName, in);
            case DEPRIVATION -> importer.importDeprivation(fileName, in);
            case AREA_BOUNDARIES -> boundaries.importAreaBoundaries(fileName, in);
            case WARD_BOUNDARIES -> boundaries.importWardBoundaries(fileName, in);
            case POSTCODES -> importer.importPostcodes(fileName, in);
            case ASSIGNMENTS -> importer.importAssignments(fileName, in);
        };
    }

    /** Areas matching the filter, by ward and name. Every argument may be empty. */
    @Transactional(readOnly = true)
    public List<AreaSummary> areas(
            @Nullable String text, @Nullable String wardCode, @Nullable HubId hub, boolean unassignedOnly) {
        currentUsers.requireAnyOf(Role.ADMIN);
        return areas.find(text, wardCode, hub, unassignedOnly);
    }

    /** A ward, with how many areas lie in it. */
    public record Ward(String code, String name, int areas) {}

    @Transactional(readOnly = true)
    public List<Ward> wards() {
        currentUsers.requireAnyOf(Role.ADMIN);
        return areas.wards().stream()
                .map(w -> new Ward(w.code(), w.name(), w.areas()))
                .toList();
    }

    /**
     * Puts the areas in a hub, moving them from any other. Each area must still be as it was read
     * (same version): if anyone changed one meanwhile, nothing is saved.
     */
    @Transactional
    public void assign(Collection<AreaSummary> selected, HubId hub) {
        currentUsers.requireAnyOf(Role.ADMIN);
        requireHub(hub);
        for (AreaSummary area : selected) {
            if (!areas.assign(area.code(), area.version(), hub)) {
                throw new ChangedBySomeoneElseException(new Message("hubs.changed.area-0-1", area.code(), area.name()));
            }
            audit.record(AuditAction.ASSIGN, "area", area.code(), hub, null, "put in hub " + hub);
        }
        refreshTotals();
    }

    /** Puts every area of a ward in a hub; returns how many areas moved. */
    @Transactional
    public int assignWard(String wardCode, HubId hub) {
        currentUsers.requireAnyOf(Role.ADMIN);
        requireHub(hub);
        int moved = areas.assignWard(wardCode, hub);
        audit.record(AuditAction.ASSIGN, "ward", wardCode, hub, null, moved + " areas put in hub " + hub);
        refreshTotals();
        return moved;
    }

    /**
     * Adds a partner organisation working in the given hubs; its code is made from its name.
     *
     * @throws ValidationException naming each field that is wrong; nothing is saved
     */
    @Transactional
    public Organisation addOrganisation(String name, @Nullable OrganisationType type, Set<HubId> in) {
        currentUsers.requireAnyOf(Role.ADMIN);
        Map<String, Message> problems = new LinkedHashMap<>();
        String trimmed = name.strip();
        String code =
                trimmed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (trimmed.length() < 2 || trimmed.length() > 120 || code.length() < 2) {
            problems.put("name", new Message("hubs.problem.name.give-organisation-s-name-2"));
        } else if (code.length() > 63) {
            code = code.substring(0, 63).replaceAll("-$", "");
        }
        if (type == null) {
            problems.put("type", new Message("hubs.problem.type.choose-what-kind-organisation"));
        }
        if (in.isEmpty()) {
            problems.put("hubs", new Message("hubs.problem.hubs.choose-least-one-hub-works"));
        }
        if (problems.isEmpty()
                && hubs.findOrganisation(new OrganisationId(code)).isPresent()) {
            problems.put("name", new Message("hubs.problem.name.there-already-organisation-with-name"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Organisation organisation = new Organisation(new OrganisationId(code), trimmed, requireNonNull(type), in);
        hubs.insert(organisation);
        audit.record(AuditAction.ADD, "organisation", code, null, null, trimmed + " (" + type + ") in " + in);
        return organisation;
    }

    /** Moves a hub between planned, pilot and live; refuses over someone else's change. */
    @Transactional
    public void setStatus(Hub hub, HubStatus status, int version) {
        currentUsers.requireAnyOf(Role.ADMIN);
        if (status != HubStatus.PLANNED
                && members.lockSafeguardingLeads(hub.id()).isEmpty()) {
            throw new ValidationException(
                    Map.of("status", new Message("hubs.problem.status.0-hub-has-no-safeguarding", hub.name())));
        }
        if (!hubs.setStatus(hub.id(), status, version)) {
            throw new ChangedBySomeoneElseException(new Message("hubs.changed.hub-0", hub.name()));
        }
        audit.record(
                AuditAction.CHANGE_STATUS, "hub", hub.id().value(), hub.id(), null, hub.status() + " -> " + status);
    }

    /** Each hub with its areas' totals, and whether its population is outside the range. */
    @Transactional(readOnly = true)
    public List<HubTotals> hubTotals() {
        currentUsers.requireAnyOf(Role.ADMIN);
        Map<String, AreaRepository.Totals> totals =
                areas.totals().stream().collect(Collectors.toMap(AreaRepository.Totals::hubId, Function.identity()));
        Map<String, Integer> versions = hubs.versions();
        return hubs.findAll().stream()
                .map(h -> {
                    AreaRepository.Totals t = totals.get(h.id().value());
                    long population = t == null ? h.population() : t.population();
                    long children = t == null ? h.children() : t.children();
                    boolean outside = population < properties.min() || population > properties.max();
                    return new HubTotals(
                            h,
                            t == null ? 0 : t.areas(),
                            population,
                            children,
                            outside,
                            versions.getOrDefault(h.id().value(), 0));
                })
                .toList();
    }

    /** Every area with a boundary, coloured by hub on the set-up page's map. */
    @Transactional(readOnly = true)
    public AreaMap boroughMap() {
        currentUsers.requireAnyOf(Role.ADMIN);
        return maps.draw(areas.outlines(null));
    }

    /** The population range outside which a hub is flagged. */
    public HubsProperties populationRange() {
        return properties;
    }

    private void requireHub(HubId hub) {
        if (!hubs.exists(hub)) {
            throw new IllegalArgumentException("There is no hub " + hub);
        }
    }

    private void refreshTotals() {
        hubs.refreshTotals();
    }
}
