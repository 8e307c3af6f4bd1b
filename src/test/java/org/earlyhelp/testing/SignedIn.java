package org.earlyhelp.testing;

import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * Puts a person in the security context for service tests, exactly as signing in does (sign-in
 * itself is tested through the browser), so that the services' own checks are exercised. The
 * person goes where the application this thread's test uses looks ({@link
 * ApplicationSecurityContexts#ofThisThread()}).
 */
public final class SignedIn {

    private record Principal(CurrentUser currentUser) implements EarlyHelpPrincipal {}

    private SignedIn() {}

    public static CurrentUser as(String username, Set<Role> roles, Set<String> hubs) {
        CurrentUser user = new CurrentUser(
                username,
                username,
                roles,
                new OrganisationId("dudley-council"),
                hubs.stream().map(HubId::new).collect(Collectors.toSet()));
        var authentication = new TestingAuthenticationToken(
                new Principal(user), null, roles.stream().map(Role::authority).toArray(String[]::new));
        authentication.setAuthenticated(true);
        ApplicationSecurityContexts.ofThisThread().getContext().setAuthentication(authentication);
        return user;
    }

    public static CurrentUser admin() {
        return as("admin", Set.of(Role.ADMIN), Set.of());
    }

    public static void nobody() {
        ApplicationSecurityContexts.ofThisThread().clearContext();
    }
}
