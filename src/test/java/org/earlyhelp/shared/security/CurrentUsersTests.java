package org.earlyhelp.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Services find the signed-in person where the application's own security filter chain put them,
 * not in {@code SecurityContextHolder}'s JVM-wide strategy, which belongs to whichever Spring
 * application started last in the JVM: on an application started before another, the partner API
 * refused every request ("Sign in first").
 */
class CurrentUsersTests {

    private record Principal(CurrentUser currentUser) implements EarlyHelpPrincipal {}

    private final SecurityContextHolderStrategy own = new VaadinAwareSecurityContextHolderStrategy();
    private final CurrentUsers currentUsers =
            new CurrentUsers(new StaticListableBeanFactory(Map.of("vaadinAwareSecurityContextHolderStrategy", own))
                    .getBeanProvider(SecurityContextHolderStrategy.class));
    private SecurityContextHolderStrategy jvmWide;
    private final CurrentUser lead =
            new CurrentUser("lead.dudley-central", "Hub lead", Set.of(Role.HUB_LEAD), null, Set.of());

    @BeforeEach
    void anotherApplicationStartedLater() {
        jvmWide = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(new VaadinAwareSecurityContextHolderStrategy());
        var authentication = new TestingAuthenticationToken(new Principal(lead), null, Role.HUB_LEAD.authority());
        authentication.setAuthenticated(true);
        own.getContext().setAuthentication(authentication);
    }

    @AfterEach
    void putBack() {
        own.clearContext();
        SecurityContextHolder.setContextHolderStrategy(jvmWide);
    }

    @Test
    void thePersonIsFoundWhereTheApplicationKeepsThem() {
        assertThat(currentUsers.find()).contains(lead);
        assertThat(currentUsers.requireAnyOf(Role.HUB_LEAD)).isEqualTo(lead);
    }

    @Test
    void workHandedToAnotherThreadRunsAsThePersonAndLeavesNobodyBehind() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Optional<CurrentUser>> during = new AtomicReference<>();
            CompletableFuture.runAsync(
                            currentUsers.asThePersonSignedInNow(() -> during.set(currentUsers.find())), thread)
                    .get(5, TimeUnit.SECONDS);
            assertThat(during.get()).contains(lead);
            Optional<CurrentUser> after =
                    CompletableFuture.supplyAsync(currentUsers::find, thread).get(5, TimeUnit.SECONDS);
            assertThat(after).as("nobody left signed in on the thread").isEmpty();
        } finally {
            thread.shutdownNow();
        }
    }
}
