package org.earlyhelp.shared.demo;

import java.util.Set;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs demonstration loading as the "system" administrator, so that the services it calls check
 * roles as they always do, and puts back whoever was signed in before.
 */
public final class AsDemonstrationData {

    private record DemoPrincipal(CurrentUser currentUser) implements EarlyHelpPrincipal {}

    private AsDemonstrationData() {}

    public static void run(Runnable loading) {
        runAs(new CurrentUser("system", "Demonstration data", Set.of(Role.ADMIN), null, Set.of()), loading);
    }

    /**
     * Runs a step of the demonstration as one of its people, for what only their role may do (a
     * practitioner recording a safeguarding concern, say), and puts back whoever was signed in.
     */
    public static void runAs(CurrentUser person, Runnable step) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        new DemoPrincipal(person),
                        null,
                        person.roles().stream()
                                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
                                .toList()));
        try {
            step.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
