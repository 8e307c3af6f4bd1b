package org.earlyhelp.hubs;

import java.util.List;
import java.util.Optional;
import org.earlyhelp.hubs.internal.AreaMaps;
import org.earlyhelp.hubs.internal.AreaRepository;
import org.earlyhelp.hubs.internal.HubRepository;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.security.CurrentUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hubs of the borough and the organisations that work in them. Their names and sizes are not
 * personal data: anyone signed in may read them.
 */
@Service
@Transactional(readOnly = true)
public class HubDirectory {

    private final HubRepository hubs;
    private final AreaRepository areas;
    private final CurrentUsers currentUsers;
    private final AreaMaps maps;

    HubDirectory(HubRepository hubs, AreaRepository areas, CurrentUsers currentUsers, AreaMaps maps) {
        this.maps = maps;
        this.hubs = hubs;
        this.areas = areas;
        this.currentUsers = currentUsers;
    }

    /** Every hub, by name. */
    public List<Hub> hubs() {
        currentUsers.require();
        return hubs.findAll();
    }

    /**
     * A hub's name, for public pages (the feedback form, "you said, we did"): hubs are public
     * services, so anyone may ask.
     */
    public Optional<String> publicName(HubId id) {
        return hubs.findById(id).map(Hub::name);
    }

    /** The hub with this code, if there is one. */
    public Optional<Hub> hub(HubId id) {
        currentUsers.require();
        return hubs.findById(id);
    }

    /** The hub's name, or its code when no hub has that code. */
    public String nameOf(HubId id) {
        return hub(id).map(Hub::name).orElse(id.value());
    }

    /** The small areas of a hub, with their children and deprivation: public geography. */
    public List<AreaSummary> areasOf(HubId hub) {
        currentUsers.require();
        return areas.find(null, null, hub, false);
    }

    /** The hub's areas ready to draw, for maps on dashboards: public geography. */
    public AreaMap mapOf(HubId hub) {
        currentUsers.require();
        return maps.draw(areas.outlines(hub));
    }

    /** Every partner organisation, by name. */
    public List<Organisation> organisations() {
        currentUsers.require();
        return hubs.findAllOrganisations();
    }

    /** The organisation with this code, if there is one. */
    public Optional<Organisation> organisation(OrganisationId id) {
        currentUsers.require();
        return hubs.findOrganisation(id);
    }
}
