package org.earlyhelp.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.runtime.ApplicationModulesRuntime;

/**
 * Tracing is off unless an operator turns it on (docs/operations.md): then no span records anything
 * and nothing is sent, and no module's bean is wrapped to observe the calls into it. Checked on the browser tests' application, which runs with the default
 * settings (without EARLYHELP_TRACING); the unit tests' application has tracing on for {@code
 * ObservabilityTests}.
 */
@DemonstrationApplicationTest
class TracingOffIT {

    @Autowired
    ApplicationContext context;

    @Test
    void withoutTheSettingNothingIsTracedOrSent() {
        assertThat(context.getBeanProvider(SpanExporter.class).stream())
                .as("no exporter")
                .isEmpty();
        assertThat(context.getBean(Tracer.class).nextSpan().isNoop())
                .as("the tracer the observations use records nothing")
                .isTrue();
        assertThat(context.getBeanProvider(ApplicationModulesRuntime.class).getIfAvailable())
                .as("Spring Modulith's runtime, which works out the modules at each start, is left out")
                .isNull();
        Object requests = context.getBean(RequestsForSupport.class);
        assertThat(requests instanceof Advised advised ? advised.getAdvisors() : new Object[0])
                .as("calls into a module are not observed")
                .noneMatch(a -> a.getClass().getSimpleName().equals("ApplicationModuleObservingAdvisor"));
    }
}
