package org.earlyhelp.identity.internal;

import java.util.Set;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.jspecify.annotations.Nullable;

/** A local account as stored. */
public record Account(
        String username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        @Nullable OrganisationId organisation,
        Set<HubId> hubs,
        boolean enabled) {}
