package org.earlyhelp.identity;

import java.util.Set;
import org.earlyhelp.shared.Role;

/**
 * A demonstration account, listed on the login page in demonstration mode only.
 *
 * @param username the login name
 * @param displayName the person's name
 * @param roles what the account may do
 * @param description who this is, in a few words
 */
public record DemoAccount(String username, String displayName, Set<Role> roles, String description) {

    public DemoAccount {
        roles = Set.copyOf(roles);
    }
}
