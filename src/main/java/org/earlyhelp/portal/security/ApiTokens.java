package org.earlyhelp.portal.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Turns a partner system's client-credentials token from Keycloak into the same {@link
 * CurrentUser} a person has: the client id as the user name, and the roles, organisation and hubs
 * from the token's claims, so the services check a system exactly as they check a person.
 */
final class ApiTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    /** The principal of a partner system. */
    record PartnerSystem(CurrentUser currentUser) implements EarlyHelpPrincipal {}

    /** An authenticated partner system. */
    static final class PartnerAuthentication extends AbstractAuthenticationToken {

        private final PartnerSystem principal;
        private final Jwt token;

        PartnerAuthentication(PartnerSystem principal, Jwt token, Collection<? extends GrantedAuthority> authorities) {
            super(authorities);
            this.principal = principal;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.currentUser().username();
        }
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String client = jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getSubject();
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : strings(jwt, "roles")) {
            Role.fromName(name).ifPresent(roles::add);
        }
        Set<HubId> hubs = new LinkedHashSet<>();
        for (String hub : strings(jwt, "hubs")) {
            hubs.add(new HubId(hub));
        }
        String organisation = jwt.getClaimAsString("organisation");
        CurrentUser user = new CurrentUser(
                client,
                "Partner system " + client,
                roles,
                organisation == null || organisation.isBlank() ? null : new OrganisationId(organisation),
                hubs);
        List<GrantedAuthority> authorities = roles.stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList();
        return new PartnerAuthentication(new PartnerSystem(user), jwt, authorities);
    }

    /** Accepts only tokens that name the API as (one of) their audience. */
    static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The token is not for the partner API", null));
    }

    /**
     * Accepts only tokens issued to a listed partner system's client, by client credentials (the
     * client is the token's authorised party, and it names no person: Keycloak gives a client's own
     * service account the user name {@code service-account-<client>}).
     */
    static OAuth2TokenValidator<Jwt> clients(List<String> clients) {
        return jwt -> {
            String client = jwt.getClaimAsString("azp");
            String username = jwt.getClaimAsString("preferred_username");
            boolean listed = client != null && clients.contains(client);
            boolean system = username == null || username.equals("service-account-" + client);
            return listed && system
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "This client may not call the partner API", null));
        };
    }

    /** Answers with an RFC 9457 problem detail and the given status. */
    static AuthenticationEntryPoint problem(int status, String detail) {
        return (request, response, exception) -> {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            if (status == 401) {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            String title = status == 401 ? "Not signed in" : "Not allowed";
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
        };
    }

    private static List<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String s && !s.isBlank()) {
            return List.of(s);
        }
        return List.of();
    }
}
