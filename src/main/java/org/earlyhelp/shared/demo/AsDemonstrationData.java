package org.earlyhelp.shared.demo;

import java.util.Set;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs demonstration loading as the "system" administrator, so that the services it calls check
 * roles as they always do, and puts back whoever was signed in before.
 *
 * <p>The person goes into the application's own security context strategy (Vaadin's), where its
 * services look ({@code CurrentUsers}), not into {@code SecurityContextHolder}'s JVM-wide one: in a
 * JVM that holds more than one application (the tests), that is whichever set it last, and loading
 * found nobody signed in.
 */
@Component
public class AsDemonstrationData {

    private record DemoPrincipal(CurrentUser currentUser) implements EarlyHelpPrincipal {}

    private final SecurityContextHolderStrategy contexts;

    AsDemonstrationData(ObjectProvider<SecurityContextHolderStrategy> strategies) {
        this.contexts = strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Runs the loading as the "system" administrator. */
    public void run(Runnable loading) {
        runAs(new CurrentUser("system", "Demonstration data", Set.of(Role.ADMIN), null, Set.of()), loading);
    }

    /**
     * Runs a step of the demonstration as one of its people, for what only their role may do (a
     * practitioner recording a safeguarding concern, say), and puts back whoever was signed in.
     */
    public void runAs(CurrentUser person, Runnable step) {
        var previous = contexts.getContext().getAuthentication();
        contexts.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        new DemoPrincipal(person),
                        null,
                        person.roles().stream()
                                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
                                .toList()));
        try {
            step.run();
        } finally {
            contexts.getContext().setAuthentication(previous);
        }
    }
}
