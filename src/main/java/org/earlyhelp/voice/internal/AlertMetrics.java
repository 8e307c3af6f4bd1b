package org.earlyhelp.voice.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.earlyhelp.shared.metrics.Backlog;
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
        Backlog.register(
                registry,
                "earlyhelp.alerts.unacknowledged",
                "Safeguarding alerts nobody has acknowledged",
                () -> jdbc.sql("SELECT count(*) FROM voice.alert WHERE acknowledged_at IS NULL")
                        .query(Long.class)
                        .single(),
                () -> jdbc.sql("""
                                SELECT coalesce(extract(epoch FROM now() - min(raised_at)), 0)
                                FROM voice.alert WHERE acknowledged_at IS NULL""").query(Double.class).single());
    }
}
