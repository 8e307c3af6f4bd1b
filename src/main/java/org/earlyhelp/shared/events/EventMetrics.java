package org.earlyhelp.shared.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events between modules not yet delivered: how many, and how old the oldest is, read from the
 * publication registry at each scrape. A number that grows, or an age past a few minutes, means a
 * listener keeps failing (a read model, the safeguarding mail).
 */
@Component
class EventMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    EventMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "earlyhelp.events.incomplete",
                        () -> jdbc.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single())
                .description("Event publications not yet completed by their listener")
                .register(registry);
        Gauge.builder(
                        "earlyhelp.events.incomplete.oldest.age",
                        () -> jdbc.sql("""
                                SELECT coalesce(extract(epoch FROM now() - min(publication_date)), 0)
                                FROM events.event_publication WHERE completion_date IS NULL""").query(Double.class).single())
                .description("How long the oldest incomplete event publication has waited")
                .baseUnit("seconds")
                .register(registry);
    }
}
