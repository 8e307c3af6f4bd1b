package org.earlyhelp.shared.security;

import java.util.Optional;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Gives services the signed-in person, and the checks every service method starts with: views are
 * not a security boundary.
 */
@Component
public class CurrentUsers {

    private final @Nullable SecurityContextHolderStrategy own;

    /**
     * @param strategies the application's own security context strategy (Vaadin's), the one its
     *     security filter chain keeps the signed-in person in. {@code SecurityContextHolder}'s
     *     JVM-wide strategy is whichever the last Spring application started in the JVM set; on
     *     an application started before another, reading it found nobody signed in.
     */
    CurrentUsers(ObjectProvider<SecurityContextHolderStrategy> strategies) {
        this.own = strategies.getIfUnique();
    }

    private SecurityContextHolderStrategy contexts() {
        return own != null ? own : SecurityContextHolder.getContextHolderStrategy();
    }

    /** The signed-in person, if there is one. */
    public Optional<CurrentUser> find() {
        Authentication authentication = contexts().getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof EarlyHelpPrincipal principal) {
            return Optional.of(principal.currentUser());
        }
        return Optional.empty();
    }

    /**
     * The work, to be run on another thread as the person signed in now (and nobody after it):
     * for work that goes on away from the request that started it.
     */
    public Runnable asThePersonSignedInNow(Runnable work) {
        SecurityContextHolderStrategy contexts = contexts();
        DelegatingSecurityContextRunnable carried = new DelegatingSecurityContextRunnable(work, contexts.getContext());
        carried.setSecurityContextHolderStrategy(contexts);
        return carried;
    }

    /** The signed-in person; refuses when nobody is signed in. */
    public CurrentUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("Sign in first"));
    }

    /** The signed-in person, who must hold one of the roles given. */
    public CurrentUser requireAnyOf(Role... roles) {
        CurrentUser user = require();
        for (Role role : roles) {
            if (user.has(role)) {
                return user;
            }
        }
        throw new AccessDeniedException("Your role does not allow this");
    }
}
