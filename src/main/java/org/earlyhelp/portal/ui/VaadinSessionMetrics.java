package org.earlyhelp.portal.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** How many Vaadin sessions this instance holds: the memory each costs is in docs/performance.md. */
@Component
class VaadinSessionMetrics implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    private final AtomicInteger sessions = new AtomicInteger();

    VaadinSessionMetrics(MeterRegistry registry) {
        Gauge.builder("earlyhelp.vaadin.sessions", sessions, AtomicInteger::get)
                .description("Vaadin sessions held by this instance")
                .register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> sessions.incrementAndGet());
        event.getSource().addSessionDestroyListener(e -> sessions.decrementAndGet());
    }
}
