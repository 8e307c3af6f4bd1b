package org.earlyhelp.identity;

import static java.util.Objects.requireNonNull;

import java.io.Serial;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a Keycloak login into a {@link CurrentUser}: realm roles from the {@code roles} claim,
 * the organisation from {@code organisation} and the hubs from {@code hubs}, all mapped into the
 * token by the realm in {@code keycloak/}.
 */
public class KeycloakUserService extends OidcUserService {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUserService.class);

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidcUser = super.loadUser(request);
        return principal(oidcUser.getIdToken(), oidcUser.getUserInfo());
    }

    /**
     * The person an ID token says, with the rights it gives now: for a token Keycloak issued when a
     * session's tokens were renewed, so that a person moved to another role or hub while signed in
     * works with their new rights, not those of the morning's sign-in. Only the token's own claims
     * count then, so a hub or role taken away is gone.
     */
    public static OidcUser renewed(OidcIdToken token) {
        return principal(token, null);
    }

    private static OidcUser principal(OidcIdToken token, @Nullable OidcUserInfo userInfo) {
        CurrentUser user = toCurrentUser(token, userInfo);
        List<GrantedAuthority> authorities = user.roles().stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList();
        return new KeycloakPrincipal(authorities, token, userInfo, user);
    }

    /** Reads the person from the ID token, falling back to user info for any claim it lacks. */
    static CurrentUser toCurrentUser(OidcIdToken token, @Nullable OidcUserInfo userInfo) {
        String username = firstNonBlank(token.getPreferredUsername(), requireNonNull(token.getSubject()));
        String name = firstNonBlank(token.getFullName(), username);
        Set<Role> roles = strings(claim(token, userInfo, "roles")).stream()
                .flatMap(r -> Role.fromName(r).stream())
                .collect(Collectors.toSet());
        Set<HubId> hubs = new LinkedHashSet<>();
        for (String hub : strings(claim(token, userInfo, "hubs"))) {
            try {
                hubs.add(new HubId(hub));
            } catch (IllegalArgumentException e) {
                log.warn("Ignoring malformed hub code {} for {}", hub, username);
            }
        }
        OrganisationId organisation = null;
        List<String> organisations = strings(claim(token, userInfo, "organisation"));
        if (!organisations.isEmpty()) {
            try {
                organisation = new OrganisationId(organisations.getFirst());
            } catch (IllegalArgumentException e) {
                log.warn("Ignoring malformed organisation code for {}", username);
            }
        }
        return new CurrentUser(username, name, roles, organisation, hubs);
    }

    private static @Nullable Object claim(OidcIdToken token, @Nullable OidcUserInfo userInfo, String name) {
        Object value = token.getClaim(name);
        if (value == null && userInfo != null) {
            value = userInfo.getClaim(name);
        }
        return value;
    }

    private static List<String> strings(@Nullable Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String s && !s.isBlank()) {
            return List.of(s);
        }
        return List.of();
    }

    private static String firstNonBlank(@Nullable String first, String second) {
        return first == null || first.isBlank() ? second : first;
    }

    /** A person signed in through Keycloak. */
    static final class KeycloakPrincipal extends DefaultOidcUser implements EarlyHelpPrincipal {

        @Serial
        private static final long serialVersionUID = 1L;

        private final CurrentUser user;

        KeycloakPrincipal(
                Collection<? extends GrantedAuthority> authorities,
                OidcIdToken token,
                @Nullable OidcUserInfo userInfo,
                CurrentUser user) {
            super(authorities, token, userInfo, "preferred_username");
            this.user = user;
        }

        @Override
        public CurrentUser currentUser() {
            return user;
        }
    }
}
