package org.earlyhelp.portal.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Sign-ins that worked and that failed (local accounts, Keycloak, partner systems' tokens). */
@Component
class SignInMetrics {

    private final Counter succeeded;
    private final Counter failed;

    SignInMetrics(MeterRegistry registry) {
        this.succeeded = Counter.builder("earlyhelp.signins")
                .tag("outcome", "success")
                .description("Sign-ins")
                .register(registry);
        this.failed = Counter.builder("earlyhelp.signins")
                .tag("outcome", "failure")
                .description("Sign-ins")
                .register(registry);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        succeeded.increment();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        failed.increment();
    }
}
