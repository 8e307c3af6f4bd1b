package org.earlyhelp.testing;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points {@code SecurityContextHolder}'s JVM-wide strategy at the security context strategy of the
 * application the test is about to use, as it is in production, where one application runs per
 * JVM. A test run holds several applications, and Vaadin sets the JVM-wide strategy to its own
 * when each starts, so without this it is the last one started: {@link SignedIn} would put a
 * person where an application used again later does not look.
 *
 * <p>The browser and integration tests run three classes at a time, each on a thread of its own and
 * perhaps of another application, so the JVM-wide strategy is one that passes each thread on to
 * the strategy of the application its test uses: one class choosing its application does not
 * change where another class's {@link SignedIn} puts its person. A thread no test has chosen for
 * (an application's own) gets the application chosen last, as before.
 */
public final class ApplicationSecurityContexts implements TestExecutionListener, Ordered {

    private static final ThreadLocal<SecurityContextHolderStrategy> CHOSEN = new ThreadLocal<>();
    private static volatile @Nullable SecurityContextHolderStrategy chosenLast;
    private static final SecurityContextHolderStrategy BY_THREAD = new ByThread();

    @Override
    public void prepareTestInstance(TestContext testContext) {
        use(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        use(testContext);
    }

    /**
     * The next class on this thread may be one that starts an application of its own (and signs
     * in where that application's Vaadin put its strategy), not one of a test context.
     */
    @Override
    public void afterTestClass(TestContext testContext) {
        forgetThisThread();
    }

    static void forgetThisThread() {
        CHOSEN.remove();
    }

    private static void use(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifUnique(ApplicationSecurityContexts::choose);
        }
    }

    /** From now on, this thread's {@code SecurityContextHolder} is the application's strategy given. */
    static void choose(SecurityContextHolderStrategy strategy) {
        CHOSEN.set(strategy);
        chosenLast = strategy;
        if (SecurityContextHolder.getContextHolderStrategy() != BY_THREAD) {
            SecurityContextHolder.setContextHolderStrategy(BY_THREAD);
        }
    }

    /**
     * The security context strategy of the application this thread's test uses, where {@link
     * SignedIn} puts its person. Not {@code SecurityContextHolder}'s: an application starting on
     * another thread sets that to its own Vaadin strategy, JVM-wide, until a test chooses again; a
     * person put there meanwhile was not seen by the application this thread's test calls.
     */
    static SecurityContextHolderStrategy ofThisThread() {
        SecurityContextHolderStrategy chosen = CHOSEN.get();
        return chosen != null ? chosen : SecurityContextHolder.getContextHolderStrategy();
    }

    @Override
    public int getOrder() {
        // After dependency injection (2000), before the tests' own listeners.
        return 2_100;
    }

    /** The strategy of the application this thread's test uses. */
    private static final class ByThread implements SecurityContextHolderStrategy {

        private static SecurityContextHolderStrategy strategy() {
            SecurityContextHolderStrategy chosen = CHOSEN.get();
            if (chosen == null) {
                chosen = chosenLast;
            }
            if (chosen == null) {
                throw new IllegalStateException("No test has chosen an application's security context yet");
            }
            return chosen;
        }

        @Override
        public void clearContext() {
            strategy().clearContext();
        }

        @Override
        public SecurityContext getContext() {
            return strategy().getContext();
        }

        @Override
        public Supplier<SecurityContext> getDeferredContext() {
            return strategy().getDeferredContext();
        }

        @Override
        public void setContext(SecurityContext context) {
            strategy().setContext(context);
        }

        @Override
        public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
            strategy().setDeferredContext(deferredContext);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return strategy().createEmptyContext();
        }
    }
}
