package org.earlyhelp.testing;

import org.springframework.core.Ordered;
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
 */
public final class ApplicationSecurityContexts implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        use(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        use(testContext);
    }

    private static void use(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifUnique(strategy -> {
                        if (SecurityContextHolder.getContextHolderStrategy() != strategy) {
                            SecurityContextHolder.setContextHolderStrategy(strategy);
                        }
                    });
        }
    }

    @Override
    public int getOrder() {
        // After dependency injection (2000), before the tests' own listeners.
        return 2_100;
    }
}
