package org.earlyhelp.referrals.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.earlyhelp.shared.metrics.Backlog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Practitioners' safeguarding concerns, and step-ups to children's social care, that no lead of
 * their hub has yet checked with the front door: how many, and how long the oldest has waited, at
 * each scrape (see docs/operations.md).
 */
@Component
class ConcernMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    ConcernMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Backlog.register(
                registry,
                "earlyhelp.concerns.unchecked",
                "Safeguarding concerns and step-ups no hub lead has checked with the front door",
                () -> jdbc.sql("SELECT count(*) FROM referrals.concern_check WHERE checked_at IS NULL")
                        .query(Long.class)
                        .single(),
                () -> jdbc.sql("""
                                SELECT coalesce(extract(epoch FROM now() - min(raised_at)), 0)
                                FROM referrals.concern_check WHERE checked_at IS NULL""").query(Double.class).single());
    }
}
