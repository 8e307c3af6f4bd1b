package org.earlyhelp.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in with a local account. */
final class LocalPrincipal implements UserDetails, CredentialsContainer, EarlyHelpPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    LocalPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean locked) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalPrincipal p && p.user.username().equals(user.username());
    }

    @Override
    public int hashCode() {
        return user.username().hashCode();
    }

    @Override
    public String toString() {
        return "LocalPrincipal[" + user.username() + "]";
    }
}
