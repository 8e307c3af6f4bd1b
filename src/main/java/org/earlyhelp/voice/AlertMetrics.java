package org.earlyhelp.voice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Safeguarding alerts nobody has acknowledged: how many, and how old the oldest is, at each
 * scrape. An operator alerts on the age (see docs/operations.md): a child's alert must not wait.
 */
@Component
class AlertMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    AlertMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "earlyhelp.alerts.unacknowledged",
                        () -> jdbc.sql("SELECT count(*) FROM voice.alert WHERE acknowledged_at IS NULL")
                                .query(Long.class)
                                .single())
                .description("Safeguarding alerts nobody has acknowledged")
                .register(registry);
        Gauge.builder(
                        "earlyhelp.alerts.unacknowledged.oldest.age",
                        () -> jdbc.sql("""
                                SELECT coalesce(extract(epoch FROM now() - min(raised_at)), 0)
                                FROM voice.alert WHERE acknowledged_at IS NULL""").query(Double.class).single())
                .description("How long the oldest unacknowledged safeguarding alert has waited")
                .baseUnit("seconds")
                .register(registry);
    }
}
