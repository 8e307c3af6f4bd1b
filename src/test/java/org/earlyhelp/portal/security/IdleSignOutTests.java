package org.earlyhelp.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.earlyhelp.testing.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;

/**
 * What counts as use of the portal, and what happens at the first request after 30 minutes without
 * it. The browser tests ({@code IdleSignOutIT}, {@code KeycloakLoginIT}) show the same on real
 * pages; here each kind of request is tried at an exact time.
 */
class IdleSignOutTests {

    private static final Duration IDLE = Duration.ofMinutes(30);

    private record Principal(CurrentUser currentUser) implements EarlyHelpPrincipal {}

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-05T09:00:00Z"));
    private final SecurityContextHolderStrategy contexts = new VaadinAwareSecurityContextHolderStrategy();
    private final IdleSignOut filter =
            new IdleSignOut(IDLE, clock, contexts, new HttpSessionOAuth2AuthorizedClientRepository(), null);
    private final MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void signIn() {
        CurrentUser user = new CurrentUser("a.worker", "A Worker", Set.of(Role.PRACTITIONER), null, Set.of());
        var authentication = new TestingAuthenticationToken(new Principal(user), null, Role.PRACTITIONER.authority());
        authentication.setAuthenticated(true);
        contexts.getContext().setAuthentication(authentication);
    }

    @AfterEach
    void forget() {
        contexts.clearContext();
    }

    private MockHttpServletRequest request(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(query == null ? "GET" : "POST", path);
        request.setQueryString(query);
        request.setSession(session);
        return request;
    }

    private MockFilterChain send(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain;
    }

    private void after(Duration time) {
        clock.pass(time);
    }

    private long lastUsed() {
        return (Long) session.getAttribute(IdleSignOut.LAST_USED);
    }

    @Test
    void pagesAndTheirChangesAreUseButHeartbeatsPollsAndAskingAreNot() throws Exception {
        send(request("/my-work", null), new MockHttpServletResponse());
        long start = clock.millis();
        assertThat(lastUsed()).isEqualTo(start);

        after(Duration.ofMinutes(10));
        send(request("/", "v-r=heartbeat&v-uiId=0"), new MockHttpServletResponse());
        assertThat(lastUsed()).as("a heartbeat is not use").isEqualTo(start);

        MockHttpServletRequest poll = request("/", "v-r=uidl&v-uiId=0");
        poll.setAttribute(IdleSignOut.NOT_USE, Boolean.TRUE);
        send(poll, new MockHttpServletResponse());
        assertThat(lastUsed()).as("a poll is not use").isEqualTo(start);

        MockHttpServletResponse asked = new MockHttpServletResponse();
        MockFilterChain asking = send(request(IdleSignOut.STILL_SIGNED_IN, null), asked);
        assertThat(asked.getStatus()).isEqualTo(204);
        assertThat(asking.getRequest()).as("answered by the filter itself").isNull();
        assertThat(lastUsed()).as("asking whether still signed in is not use").isEqualTo(start);

        send(request("/", "v-r=uidl&v-uiId=0"), new MockHttpServletResponse());
        assertThat(lastUsed()).as("a click or a change on the page is use").isEqualTo(clock.millis());
    }

    @Test
    void aPageAskedForAfterThirtyMinutesGoesToTheSignInPageWhichSaysWhyOnce() throws Exception {
        send(request("/my-work", null), new MockHttpServletResponse());
        after(IDLE.minusSeconds(1));
        MockFilterChain inTime = send(request("/cases", null), new MockHttpServletResponse());
        assertThat(inTime.getRequest())
                .as("29:59 after its last use the page is served")
                .isNotNull();

        after(IDLE);
        MockHttpServletRequest late = request("/cases", null);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = send(late, response);
        assertThat(chain.getRequest()).as("the page is not served").isNull();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login");
        assertThat(session.isInvalid()).isTrue();
        assertThat(contexts.getContext().getAuthentication()).isNull();
        var fresh = late.getSession(false);
        assertThat(fresh).isNotSameAs(session);
        assertThat(IdleSignOut.signedOutIdleAfterMinutes(fresh)).isEqualTo(30L);
        assertThat(IdleSignOut.signedOutIdleAfterMinutes(fresh)).as("said once").isNull();
    }

    @Test
    void anOpenPageLearnsItIsSignedOutWhateverItSends() throws Exception {
        send(request("/my-work", null), new MockHttpServletResponse());
        after(IDLE);
        MockHttpServletResponse heartbeat = new MockHttpServletResponse();
        MockFilterChain chain = send(request("/", "v-r=heartbeat&v-uiId=0"), heartbeat);
        assertThat(heartbeat.getStatus()).isEqualTo(410);
        assertThat(chain.getRequest()).isNull();
        assertThat(session.isInvalid()).isTrue();

        // The page's question finds nobody signed in.
        contexts.clearContext();
        MockHttpServletRequest ask = new MockHttpServletRequest("GET", IdleSignOut.STILL_SIGNED_IN);
        MockHttpServletResponse asked = new MockHttpServletResponse();
        filter.doFilter(ask, asked, new MockFilterChain());
        assertThat(asked.getStatus()).isEqualTo(401);
    }

    @Test
    void aChangeSentByAPageAfterThirtyMinutesGoesOnToVaadinSignedOut() throws Exception {
        send(request("/my-work", null), new MockHttpServletResponse());
        after(IDLE.plusMinutes(5));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = send(request("/", "v-r=uidl&v-uiId=0"), response);
        // Vaadin answers that the page's session has expired, and the page reloads.
        assertThat(chain.getRequest()).isNotNull();
        assertThat(session.isInvalid()).isTrue();
        assertThat(contexts.getContext().getAuthentication()).isNull();
    }
}
