package org.earlyhelp.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.earlyhelp.identity.KeycloakUserService;
import org.earlyhelp.identity.LocalAccounts;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks again, at most every {@code earlyhelp.access.recheck-every} (default 30 s) per session,
 * whether a signed-in person may still use the portal; when they may not, the session ends at once
 * and the next request goes to the sign-in page. So someone disabled by an administrator loses
 * access within a minute, not at the end of their session.
 *
 * <ul>
 *   <li>A local account: is it still enabled in the identity module?
 *   <li>A Keycloak login: the session's refresh token is used, which Keycloak refuses once the
 *       user is disabled or their Keycloak session has been ended (signed out everywhere, deleted);
 *       the new tokens are kept for the next check, and the rights its new ID token gives (roles,
 *       hubs, organisation) replace the session's when they changed. When Keycloak cannot be reached the session
 *       carries on and is checked again next time (an outage of Keycloak should not sign out
 *       everybody), and that is logged.
 * </ul>
 */
public final class AccessRecheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessRecheck.class);
    private static final String CHECKED = AccessRecheck.class.getName() + ".checkedAt";

    /** Left in the new session when a local account's session was ended, for the sign-in page to say why. */
    private static final String SIGNED_OUT_DISABLED = AccessRecheck.class.getName() + ".signedOutDisabled";

    private final LocalAccounts accounts;
    private final Clock clock;
    private final Duration every;
    private final OAuth2AuthorizedClientRepository clients;
    private final SecurityContextHolderStrategy contexts;
    private final RestClientRefreshTokenTokenResponseClient refresh = new RestClientRefreshTokenTokenResponseClient();
    private final OidcIdTokenDecoderFactory idTokens = new OidcIdTokenDecoderFactory();

    /**
     * @param contexts where the security filter chain keeps the signed-in person: the application's
     *     own strategy, not {@code SecurityContextHolder}'s JVM-wide one, which the last Spring
     *     application started in this JVM has set to its own (Vaadin sets it at start-up)
     */
    AccessRecheck(
            LocalAccounts accounts,
            Duration every,
            OAuth2AuthorizedClientRepository clients,
            Clock clock,
            SecurityContextHolderStrategy contexts) {
        this.clock = clock;
        this.contexts = contexts;
        this.accounts = accounts;
        this.every = every;
        this.clients = clients;
    }

    /**
     * Whether this session's local account was found disabled and its session ended; said once, so
     * that the sign-in page tells them why and then forgets it.
     */
    public static boolean signedOutDisabled(@Nullable HttpSession session) {
        if (session == null || session.getAttribute(SIGNED_OUT_DISABLED) == null) {
            return false;
        }
        session.removeAttribute(SIGNED_OUT_DISABLED);
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null
                && authentication != null
                && authentication.getPrincipal() instanceof EarlyHelpPrincipal principal) {
            long now = clock.millis();
            Object checked = session.getAttribute(CHECKED);
            if (!(checked instanceof Long at) || now - at >= every.toMillis()) {
                String username = principal.currentUser().username();
                Boolean active = authentication instanceof OAuth2AuthenticationToken token
                        ? keycloakStillAllows(token, request, response)
                        : localStillActive(username);
                log.debug("Access of {} checked again: {}", username, active);
                if (Boolean.FALSE.equals(active)) {
                    log.info("{} may no longer sign in: their session is ended", username);
                    session.invalidate();
                    contexts.clearContext();
                    if (!(authentication instanceof OAuth2AuthenticationToken)) {
                        // Whichever request found it (often a page's own request in the background,
                        // whose redirect nobody sees), the sign-in page says why.
                        request.getSession(true).setAttribute(SIGNED_OUT_DISABLED, Boolean.TRUE);
                    }
                    // Local accounts see why on the sign-in page; Keycloak says so on its own.
                    response.sendRedirect(request.getContextPath()
                            + (authentication instanceof OAuth2AuthenticationToken ? "/" : "/login?disabled"));
                    return;
                }
                // Unknown (a service not answering): check again on the next request.
                session.setAttribute(CHECKED, active == null ? 0L : now);
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether the local account is still enabled; null when the database is not answering. */
    private Boolean localStillActive(String username) {
        try {
            return accounts.stillActive(username);
        } catch (DataAccessException | TransactionException down) {
            // The database is not answering: the page will say so.
            return null;
        }
    }

    /** Whether Keycloak still issues tokens for this session; null when it cannot be asked. */
    private Boolean keycloakStillAllows(
            OAuth2AuthenticationToken token, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizedClient client =
                clients.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(), token, request);
        if (client == null || client.getRefreshToken() == null) {
            log.warn("No refresh token kept for {}: their access cannot be checked with Keycloak", token.getName());
            return null;
        }
        try {
            OAuth2AccessTokenResponse tokens = refresh.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                    client.getClientRegistration(), client.getAccessToken(), client.getRefreshToken()));
            clients.saveAuthorizedClient(
                    new OAuth2AuthorizedClient(
                            client.getClientRegistration(),
                            client.getPrincipalName(),
                            tokens.getAccessToken(),
                            tokens.getRefreshToken() != null ? tokens.getRefreshToken() : client.getRefreshToken()),
                    token,
                    request,
                    response);
            return takeTheRenewedRights(token, tokens, client.getClientRegistration());
        } catch (OAuth2AuthorizationException refused) {
            if ("invalid_grant".equals(refused.getError().getErrorCode())) {
                return false;
            }
            log.warn("Keycloak did not renew the session of {}: {}", token.getName(), refused.getMessage());
            return null;
        } catch (JwtException unreadable) {
            log.warn(
                    "Keycloak renewed the session of {} with an ID token that could not be read: {}",
                    token.getName(),
                    unreadable.getMessage());
            return null;
        } catch (RuntimeException unreachable) {
            log.warn("Keycloak could not be asked about {}: {}", token.getName(), unreachable.getMessage());
            return null;
        }
    }

    /**
     * The rights Keycloak gives the person now, from the ID token it issued with the renewed tokens
     * (its signature, issuer, audience and times checked as at sign-in), put in place of the
     * session's when they differ: a role, hub or organisation given or taken away in Keycloak
     * applies from this request on, to every page and service, not only after they sign in again
     * (until this was fixed, someone moved out of a hub kept reading its families for the rest of
     * their session: a working day, or Keycloak's longest session). The session's security context
     * is changed where it is kept, so later requests find it too.
     *
     * @return false if the token names another person than the session's
     */
    private boolean takeTheRenewedRights(
            OAuth2AuthenticationToken token, OAuth2AccessTokenResponse tokens, ClientRegistration registration) {
        if (!(tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN) instanceof String value)
                || !(token.getPrincipal() instanceof OidcUser before)
                || !(before instanceof EarlyHelpPrincipal signedIn)) {
            log.warn(
                    "Keycloak renewed the session of {} without an ID token: their rights were not read again",
                    token.getName());
            return true;
        }
        Jwt jwt = idTokens.createDecoder(registration).decode(value);
        OidcUser now = KeycloakUserService.renewed(
                new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims()));
        if (!before.getSubject().equals(now.getSubject())) {
            log.warn("Keycloak renewed the session of {} for another person: the session is ended", token.getName());
            return false;
        }
        CurrentUser was = signedIn.currentUser();
        CurrentUser is = ((EarlyHelpPrincipal) now).currentUser();
        if (!was.roles().equals(is.roles())
                || !was.hubs().equals(is.hubs())
                || !Objects.equals(was.organisation(), is.organisation())) {
            log.info(
                    "The rights of {} changed in Keycloak and apply now: roles {} to {}, hubs {} to {}",
                    was.username(),
                    was.roles(),
                    is.roles(),
                    was.hubs(),
                    is.hubs());
            contexts.getContext()
                    .setAuthentication(new OAuth2AuthenticationToken(
                            now, now.getAuthorities(), token.getAuthorizedClientRegistrationId()));
        }
        return true;
    }
}
