package org.earlyhelp.shared.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.earlyhelp.shared.events.internal.PublicationRepository;
import org.earlyhelp.shared.metrics.Backlog;
import org.springframework.stereotype.Component;

/**
 * Events between modules not yet delivered: how many, and how old the oldest is, read from the
 * publication registry at each scrape. A number that grows, or an age past a few minutes, means a
 * listener keeps failing (a read model, the safeguarding mail).
 */
@Component
class EventMetrics implements MeterBinder {

    private final PublicationRepository publications;

    EventMetrics(PublicationRepository publications) {
        this.publications = publications;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Backlog.register(
                registry,
                "earlyhelp.events.incomplete",
                "Event publications not yet completed by their listener",
                publications::incomplete,
                publications::oldestIncompleteAgeSeconds);
    }
}
