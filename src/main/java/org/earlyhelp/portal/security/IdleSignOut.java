package org.earlyhelp.portal.security;

import com.vaadin.flow.server.HandlerHelper.RequestType;
import com.vaadin.flow.shared.ApplicationConstants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a person out after {@code server.servlet.session.timeout} (30 minutes) without using the
 * portal, although their page is still open, so that a record left on an unattended screen does not
 * stay open to whoever sits down next.
 *
 * <p>An open page keeps its HTTP session alive by itself: Vaadin's heartbeat, and the home and
 * alerts pages asking every few seconds whether anything new is waiting. So the session's own
 * timeout is only reached once the page is closed. Here, what counts as use is every request
 * except those: a heartbeat, and a request the page made only to poll ({@link ActivityWatch} marks
 * it). Typing or scrolling on a page without asking the server anything counts too: the page says
 * so at most once a minute ({@link ActivityWatch}).
 *
 * <p>At the first request after the time is up, the session is ended; a Keycloak login's Keycloak
 * session is ended too, over the back channel, so that signing in again asks for the password
 * rather than letting whoever is at the screen straight back in. A page asked for goes to the
 * sign-in page; a page already open learns within a minute that its person is signed out ({@link
 * #STILL_SIGNED_IN}), reloads, and so comes to the sign-in page, which says why ({@link
 * #SIGNED_OUT_IDLE}).
 */
public final class IdleSignOut extends OncePerRequestFilter {

    /** The time of the person's last use of the portal, in the HTTP session. */
    public static final String LAST_USED = IdleSignOut.class.getName() + ".lastUsedAt";

    /** Left in the new session after an idle sign-out (the minutes), for the sign-in page to say why. */
    static final String SIGNED_OUT_IDLE = IdleSignOut.class.getName() + ".signedOutIdle";

    /**
     * Where an open page asks, every minute, whether its person is still signed in: 204 when they
     * are, 401 when not, and then the page reloads and so comes to the sign-in page. Asking is not
     * use. Vaadin's own heartbeat cannot serve: a page whose heartbeat is refused stops, but leaves
     * the record on the screen.
     */
    static final String STILL_SIGNED_IN = "/still-signed-in";

    /** Set on a request that is not the person's use of the portal (a poll). */
    static final String NOT_USE = IdleSignOut.class.getName() + ".notUse";

    private static final Logger log = LoggerFactory.getLogger(IdleSignOut.class);
    private static final Duration KEYCLOAK_WAIT = Duration.ofSeconds(5);

    private final Duration idle;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts;
    private final OAuth2AuthorizedClientRepository clients;
    private final @Nullable String keycloakLogout;
    private final RestClient keycloak;

    /**
     * @param keycloakLogout where the portal ends a Keycloak session over the back channel; null
     *     without Keycloak
     */
    IdleSignOut(
            Duration idle,
            Clock clock,
            SecurityContextHolderStrategy contexts,
            OAuth2AuthorizedClientRepository clients,
            @Nullable String keycloakLogout) {
        this.idle = idle;
        this.clock = clock;
        this.contexts = contexts;
        this.clients = clients;
        this.keycloakLogout = keycloakLogout;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(KEYCLOAK_WAIT).build());
        requests.setReadTimeout(KEYCLOAK_WAIT);
        this.keycloak = RestClient.builder().requestFactory(requests).build();
    }

    /**
     * When the person's last session was ended because they had not used the portal, after how many
     * minutes; said once, so that the sign-in page tells them why and then forgets it.
     */
    public static @Nullable Long signedOutIdleAfterMinutes(@Nullable HttpSession session) {
        if (session == null || !(session.getAttribute(SIGNED_OUT_IDLE) instanceof Long minutes)) {
            return null;
        }
        session.removeAttribute(SIGNED_OUT_IDLE);
        return minutes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        boolean asking = (request.getContextPath() + STILL_SIGNED_IN).equals(request.getRequestURI());
        if (session == null
                || authentication == null
                || !(authentication.getPrincipal() instanceof EarlyHelpPrincipal principal)) {
            if (asking) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        long now = clock.millis();
        String type = requestType(request);
        boolean heartbeat = RequestType.HEARTBEAT.getIdentifier().equals(type);
        if (!(session.getAttribute(LAST_USED) instanceof Long lastUsed)) {
            session.setAttribute(LAST_USED, now);
        } else if (now - lastUsed >= idle.toMillis()) {
            signOut(principal.currentUser().username(), authentication, session, request);
            if (asking) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else if (heartbeat) {
                // "Gone": Vaadin's page stops; the page's own question comes to the sign-in page.
                // Set, not sent as an error, whose error page would redirect a signed-out person.
                response.setStatus(HttpServletResponse.SC_GONE);
            } else if (type != null) {
                // Vaadin's own request (a page's change, an upload): Vaadin answers that the
                // page's session has gone, and the page reloads.
                chain.doFilter(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + (keycloakLogout == null ? "/login" : "/signin"));
            }
            return;
        }
        if (asking) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (!heartbeat && request.getAttribute(NOT_USE) == null) {
                used(session);
            }
        }
    }

    private void used(HttpSession session) {
        try {
            session.setAttribute(LAST_USED, clock.millis());
        } catch (IllegalStateException ended) {
            // Signed out during the request.
        }
    }

    private void signOut(
            String username, Authentication authentication, HttpSession session, HttpServletRequest request) {
        log.info("{} signed out after {} minutes without using the portal", username, idle.toMinutes());
        if (authentication instanceof OAuth2AuthenticationToken token) {
            endKeycloakSession(token, request);
        }
        session.invalidate();
        contexts.clearContext();
        request.getSession(true).setAttribute(SIGNED_OUT_IDLE, idle.toMinutes());
    }

    /**
     * Ends the person's Keycloak session with its refresh token, as the portal's client. When
     * Keycloak cannot be asked, the portal's session ends all the same, and Keycloak's own idle
     * timeout applies to its session.
     */
    private void endKeycloakSession(OAuth2AuthenticationToken token, HttpServletRequest request) {
        OAuth2AuthorizedClient client =
                clients.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(), token, request);
        if (keycloakLogout == null || client == null || client.getRefreshToken() == null) {
            log.warn("No refresh token kept for {}: their Keycloak session could not be ended", token.getName());
            return;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", client.getClientRegistration().getClientId());
        form.add("client_secret", client.getClientRegistration().getClientSecret());
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        try {
            keycloak.post()
                    .uri(keycloakLogout)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException unreachable) {
            log.warn("Keycloak did not end the session of {}: {}", token.getName(), unreachable.getMessage());
        }
    }

    /**
     * Vaadin's kind of request (page changes, heartbeats, uploads), or null for a page; read from
     * the query string alone: asking the request for a parameter would read an upload's body, which
     * Vaadin streams itself.
     */
    private static @Nullable String requestType(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        String name = ApplicationConstants.REQUEST_TYPE_PARAMETER + "=";
        for (String pair : query.split("&")) {
            if (pair.startsWith(name)) {
                return pair.substring(name.length());
            }
        }
        return null;
    }
}
