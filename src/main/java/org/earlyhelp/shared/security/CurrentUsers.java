package org.earlyhelp.shared.security;

import java.util.Optional;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Gives services the signed-in person, and the checks every service method starts with: views are
 * not a security boundary.
 */
@Component
public class CurrentUsers {

    /** The signed-in person, if there is one. */
    public Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof EarlyHelpPrincipal principal) {
            return Optional.of(principal.currentUser());
        }
        return Optional.empty();
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
