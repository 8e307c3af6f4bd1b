package org.earlyhelp.shared.metrics;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Spring Modulith's runtime and its observability are left out unless tracing is on ({@code
 * EARLYHELP_TRACING}, docs/operations.md). The observability, which traces the calls into each
 * module, needs the runtime; the runtime, present, works out the application's modules from its
 * classes at every start, whatever else needs them: about 8 seconds more to start, measured with
 * tracing off. Nothing else here uses it.
 */
public final class ModuleObservabilityOnlyWhenTracing implements AutoConfigurationImportFilter, EnvironmentAware {

    static final Set<String> ONLY_WHEN_TRACING = Set.of(
            "org.springframework.modulith.runtime.autoconfigure.SpringModulithRuntimeAutoConfiguration",
            "org.springframework.modulith.observability.autoconfigure.ModuleObservabilityAutoConfiguration");

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(@Nullable String[] candidates, AutoConfigurationMetadata metadata) {
        // As Spring Boot reads the setting: on unless it says false.
        boolean tracing =
                environment == null || environment.getProperty("management.tracing.enabled", Boolean.class, true);
        boolean[] kept = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            String candidate = candidates[i];
            kept[i] = tracing || candidate == null || !ONLY_WHEN_TRACING.contains(candidate);
        }
        return kept;
    }
}
