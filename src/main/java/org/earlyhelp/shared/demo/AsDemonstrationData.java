package org.earlyhelp.shared.demo;

import java.util.List;
import java.util.Set;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs demonstration loading as the "system" administrator, so that the services it calls check
 * roles as they always do, and puts back whoever was signed in before.
 */
public final class AsDemonstrationData {

    private record DemoPrincipal(CurrentUser currentUser) implements EarlyHelpPrincipal {}

    private AsDemonstrationData() {}

    public static void run(Runnable loading) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser system = new CurrentUser("system", "Demonstration data", Set.of(Role.ADMIN), null, Set.of());
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        new DemoPrincipal(system), null, List.of(() -> Role.ADMIN.authority())));
        try {
            loading.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
