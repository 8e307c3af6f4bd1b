package org.earlyhelp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.earlyhelp.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two test classes of two applications run at once (the browser and integration tests): one
 * choosing its application does not move where the other's {@link SignedIn} puts its person. Before,
 * the JVM-wide strategy was the application chosen last, and {@code VoiceIT} failed with "Sign in
 * first" while a Keycloak-mode class ran beside it.
 */
class ApplicationSecurityContextsTests {

    private final SecurityContextHolderStrategy demonstration = new VaadinAwareSecurityContextHolderStrategy();
    private final SecurityContextHolderStrategy keycloakMode = new VaadinAwareSecurityContextHolderStrategy();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private SecurityContextHolderStrategy jvmWide;

    @BeforeEach
    void remember() {
        jvmWide = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void putBack() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        SecurityContextHolder.setContextHolderStrategy(jvmWide);
    }

    @Test
    void eachThreadSignsInOnTheApplicationItsTestUses() throws Exception {
        CountDownLatch demonstrationChosen = new CountDownLatch(1);
        CountDownLatch keycloakModeChosen = new CountDownLatch(1);
        // The other class's thread chooses its application after this one did.
        Future<?> otherClass = threads.submit(() -> {
            await(demonstrationChosen);
            ApplicationSecurityContexts.choose(keycloakMode);
            keycloakModeChosen.countDown();
            return null;
        });
        Future<List<Authentication>> thisClass = threads.submit(() -> {
            ApplicationSecurityContexts.choose(demonstration);
            demonstrationChosen.countDown();
            await(keycloakModeChosen);
            SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
            try {
                return Stream.of(demonstration, keycloakMode)
                        .map(strategy -> strategy.getContext().getAuthentication())
                        .toList();
            } finally {
                SignedIn.nobody();
            }
        });
        otherClass.get(10, TimeUnit.SECONDS);
        List<Authentication> seen = thisClass.get(10, TimeUnit.SECONDS);

        assertThat(seen.get(0)).as("the person, where the demonstration looks").isNotNull();
        assertThat(seen.get(1)).as("nobody, where Keycloak mode looks").isNull();
    }

    @Test
    void anApplicationStartingOnAnotherThreadDoesNotMoveWhereThisThreadSignsIn() {
        ApplicationSecurityContexts.choose(demonstration);
        // Keycloak mode starts on another thread: Vaadin's configuration sets the JVM-wide strategy
        // to its own, until a test chooses again. CI's VoiceIT failed with "Sign in first" so.
        SecurityContextHolder.setContextHolderStrategy(keycloakMode);
        try {
            SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
            assertThat(demonstration.getContext().getAuthentication())
                    .as("the person, where the demonstration looks")
                    .isNotNull();
            assertThat(keycloakMode.getContext().getAuthentication())
                    .as("nobody, where Keycloak mode looks")
                    .isNull();
            SignedIn.nobody();
            assertThat(demonstration.getContext().getAuthentication())
                    .as("nobody, once signed out")
                    .isNull();
        } finally {
            ApplicationSecurityContexts.forgetThisThread();
        }
    }

    @Test
    void aClassThatStartsItsOwnApplicationSignsInWhereThatApplicationLooks() {
        ApplicationSecurityContexts.choose(demonstration);
        ApplicationSecurityContexts.forgetThisThread();
        // BackupRestoreTests, say, on the thread a class of a test context ran on before.
        SecurityContextHolderStrategy itsOwn = new VaadinAwareSecurityContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(itsOwn);
        SignedIn.admin();
        try {
            assertThat(itsOwn.getContext().getAuthentication()).isNotNull();
            assertThat(demonstration.getContext().getAuthentication()).isNull();
        } finally {
            SignedIn.nobody();
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("waited in vain");
        }
    }
}
