package org.earlyhelp.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Spring Modulith's runtime and observability only with tracing on, as Spring Boot reads the setting. */
class ModuleObservabilityOnlyWhenTracingTests {

    private static final String[] CANDIDATES = {
        "org.springframework.modulith.runtime.autoconfigure.SpringModulithRuntimeAutoConfiguration",
        "org.springframework.modulith.observability.autoconfigure.ModuleObservabilityAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        null
    };

    private static boolean[] kept(MockEnvironment environment) {
        ModuleObservabilityOnlyWhenTracing filter = new ModuleObservabilityOnlyWhenTracing();
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }

    @Test
    void tracingOffLeavesOutOnlyTheModulithRuntimeAndObservability() {
        assertThat(kept(new MockEnvironment().withProperty("management.tracing.enabled", "false")))
                .containsExactly(false, false, true, true);
    }

    @Test
    void tracingOnOrUnsetKeepsEverything() {
        assertThat(kept(new MockEnvironment().withProperty("management.tracing.enabled", "true")))
                .containsExactly(true, true, true, true);
        assertThat(kept(new MockEnvironment())).containsExactly(true, true, true, true);
    }
}
