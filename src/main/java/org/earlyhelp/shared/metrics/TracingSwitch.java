package org.earlyhelp.shared.metrics;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing off means no spans at all. With {@code management.opentelemetry.enabled=false} Spring
 * Boot still gives Micrometer a tracer over OpenTelemetry's disabled SDK, which samples every
 * request and builds its spans, only to drop them; with tracing off ({@code EARLYHELP_TRACING}
 * unset, docs/operations.md) the observations get Micrometer's no-op tracer instead, which Spring
 * Boot's own tracer gives way to.
 */
@Configuration(proxyBeanMethods = false)
class TracingSwitch {

    @Bean
    @ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "false")
    Tracer tracingOff() {
        return Tracer.NOOP;
    }
}
