package org.earlyhelp.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.earlyhelp.identity.LocalAccounts;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;

/**
 * The re-check of a signed-in person's account reads the person where the application's own
 * security filter chain put them. {@code SecurityContextHolder}'s JVM-wide strategy is set by
 * whichever Spring application started last in the JVM (Vaadin sets it at start-up): reading it,
 * the re-check found nobody on an application started earlier, let every request through
 * unchecked, and a person disabled in Keycloak kept their access.
 */
@OwnDataApplicationTest
class AccessRecheckTests {

    private record Principal(CurrentUser currentUser) implements EarlyHelpPrincipal {}

    @Autowired
    LocalAccounts accounts;

    @Test
    void aPersonWhoMayNoLongerSignInIsStoppedEvenWhenAnotherApplicationOwnsTheJvmWideContext() throws Exception {
        SecurityContextHolderStrategy own = new VaadinAwareSecurityContextHolderStrategy();
        SecurityContextHolderStrategy jvmWide = SecurityContextHolder.getContextHolderStrategy();
        // Another application started later in this JVM, as in a test run with several.
        SecurityContextHolder.setContextHolderStrategy(new VaadinAwareSecurityContextHolderStrategy());
        try {
            CurrentUser gone =
                    new CurrentUser("no-longer-here", "No longer here", Set.of(Role.PRACTITIONER), null, Set.of());
            var authentication =
                    new TestingAuthenticationToken(new Principal(gone), null, Role.PRACTITIONER.authority());
            authentication.setAuthenticated(true);
            own.getContext().setAuthentication(authentication);
            AccessRecheck recheck = new AccessRecheck(
                    accounts, Duration.ZERO, new HttpSessionOAuth2AuthorizedClientRepository(), Clock.systemUTC(), own);
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/my-work");
            MockHttpSession session = new MockHttpSession();
            request.setSession(session);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            recheck.doFilter(request, response, chain);

            assertThat(chain.getRequest()).as("the request went on to the page").isNull();
            assertThat(response.getRedirectedUrl()).isEqualTo("/login?disabled");
            assertThat(session.isInvalid()).isTrue();
            assertThat(own.getContext().getAuthentication()).isNull();
        } finally {
            own.clearContext();
            SecurityContextHolder.setContextHolderStrategy(jvmWide);
        }
    }
}
