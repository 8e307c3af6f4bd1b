package org.earlyhelp.shared.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Something that waits in a table (events not yet delivered, alerts nobody has acknowledged): two
 * gauges read at each scrape, {@code <name>} (how many) and {@code <name>.oldest.age} (how long,
 * in seconds, the oldest has waited; zero when none does).
 */
public final class Backlog {

    private Backlog() {}

    /**
     * @param from the table, with the condition of what waits ({@code voice.alert WHERE acknowledged_at IS NULL})
     * @param since the column of when each began to wait
     */
    public static void register(
            MeterRegistry registry, JdbcClient jdbc, String name, String what, String from, String since) {
        Gauge.builder(
                        name,
                        () -> jdbc.sql("SELECT count(*) FROM " + from)
                                .query(Long.class)
                                .single())
                .description(what)
                .register(registry);
        Gauge.builder(
                        name + ".oldest.age",
                        () -> jdbc.sql("SELECT coalesce(extract(epoch FROM now() - min(" + since + ")), 0) FROM "
                                        + from)
                                .query(Double.class)
                                .single())
                .description("How long the oldest has waited: " + what)
                .baseUnit("seconds")
                .register(registry);
    }
}
