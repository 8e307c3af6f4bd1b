package org.earlyhelp.hubs;

import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;

/**
 * A person who works in a hub.
 *
 * @param hub the hub
 * @param username their user name
 * @param displayName their name
 * @param organisation the organisation they work for
 * @param organisationName that organisation's name
 * @param capacity how many cases they can lead at once (0: they do not lead cases)
 * @param hubLead whether they lead the hub
 * @param safeguardingLead whether they are a safeguarding lead for the hub
 * @param version for detecting concurrent changes
 */
public record HubMember(
        HubId hub,
        String username,
        String displayName,
        OrganisationId organisation,
        String organisationName,
        int capacity,
        boolean hubLead,
        boolean safeguardingLead,
        int version) {}
