package org.earlyhelp.shared.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Demonstration data is loaded as its person where the application's services look, even when
 * another application in the JVM set {@code SecurityContextHolder}'s strategy last (the browser
 * tests start Keycloak mode while the demonstration runs, and the reverse).
 */
class AsDemonstrationDataTests {

    private final SecurityContextHolderStrategy own = new VaadinAwareSecurityContextHolderStrategy();
    private final AsDemonstrationData asDemonstrationData = new AsDemonstrationData(
            new StaticListableBeanFactory(Map.of("vaadinAwareSecurityContextHolderStrategy", own))
                    .getBeanProvider(SecurityContextHolderStrategy.class));
    private final SecurityContextHolderStrategy anotherApplication = new VaadinAwareSecurityContextHolderStrategy();
    private SecurityContextHolderStrategy jvmWide;

    @BeforeEach
    void anotherApplicationStartedLater() {
        jvmWide = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(anotherApplication);
    }

    @AfterEach
    void putBack() {
        own.clearContext();
        anotherApplication.clearContext();
        SecurityContextHolder.setContextHolderStrategy(jvmWide);
    }

    @Test
    void loadingRunsAsTheSystemWhereTheApplicationLooksAndLeavesNobodyBehind() {
        AtomicReference<@Nullable Authentication> seenByTheApplication = new AtomicReference<>();
        AtomicReference<@Nullable Authentication> seenByTheOther = new AtomicReference<>();

        asDemonstrationData.run(() -> {
            seenByTheApplication.set(own.getContext().getAuthentication());
            seenByTheOther.set(anotherApplication.getContext().getAuthentication());
        });

        assertThat(seenByTheApplication.get())
                .isNotNull()
                .extracting(Authentication::getPrincipal)
                .isInstanceOfSatisfying(
                        EarlyHelpPrincipal.class,
                        p -> assertThat(p.currentUser().username()).isEqualTo("system"));
        assertThat(seenByTheOther.get()).as("nobody, in the other application").isNull();
        assertThat(own.getContext().getAuthentication()).as("nobody, after").isNull();
    }
}
