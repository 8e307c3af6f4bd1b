package org.earlyhelp.shared;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as every module sees them, whether they came through a local account or
 * through Keycloak.
 *
 * @param username the login name, never blank
 * @param displayName the name to greet them by
 * @param roles what they may do; empty for a person who has signed in but has no access
 * @param organisation the organisation they work for, or {@code null} (young people, some admins)
 * @param hubs the hubs they work in; empty where the role is borough-wide or not hub-based
 */
public record CurrentUser(
        String username,
        String displayName,
        Set<Role> roles,
        @Nullable OrganisationId organisation,
        Set<HubId> hubs) {

    public CurrentUser {
        roles = Set.copyOf(roles);
        hubs = Set.copyOf(hubs);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole() {
        return !roles.isEmpty();
    }

    /** Whether this person works in the given hub (administrators work in every hub). */
    public boolean worksIn(HubId hub) {
        return has(Role.ADMIN) || hubs.contains(hub);
    }
}
