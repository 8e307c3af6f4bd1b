package org.earlyhelp.shared.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * Something that waits in a table (events not yet delivered, alerts nobody has acknowledged): two
 * gauges read at each scrape, {@code <name>} (how many) and {@code <name>.oldest.age} (how long,
 * in seconds, the oldest has waited; zero when none does).
 */
public final class Backlog {

    private Backlog() {}

    /**
     * @param count how many wait now
     * @param oldestAgeSeconds how long, in seconds, the oldest has waited; zero when none does
     */
    public static void register(
            MeterRegistry registry, String name, String what, Supplier<Long> count, Supplier<Double> oldestAgeSeconds) {
        Gauge.builder(name, count).description(what).register(registry);
        Gauge.builder(name + ".oldest.age", oldestAgeSeconds)
                .description("How long the oldest has waited: " + what)
                .baseUnit("seconds")
                .register(registry);
    }
}
