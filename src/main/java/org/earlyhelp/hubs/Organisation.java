package org.earlyhelp.hubs;

import java.util.Set;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OrganisationType;

/**
 * A partner organisation as other modules see it.
 *
 * @param id its code
 * @param name its name
 * @param type school, health, police, housing, voluntary or council
 * @param hubs the hubs it works in
 */
public record Organisation(OrganisationId id, String name, OrganisationType type, Set<HubId> hubs) {

    public Organisation {
        hubs = Set.copyOf(hubs);
    }
}
