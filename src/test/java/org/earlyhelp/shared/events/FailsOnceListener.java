package org.earlyhelp.shared.events;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener that fails the first delivery of its own test event and takes the next, for the retry
 * of incomplete publications to be seen at work. Only {@link FailsOnce}, an event no code of the
 * application publishes, reaches it, so it changes nothing for other tests in the same
 * application ({@code testing.OwnDataApplicationTest} imports it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailsOnceListener {

    /** The test event. */
    public record FailsOnce(UUID id) {}

    static final AtomicInteger failures = new AtomicInteger(1);
    static final AtomicInteger delivered = new AtomicInteger();

    @Bean
    Listener failsOnceListener() {
        return new Listener();
    }

    static class Listener {
        @ApplicationModuleListener
        void on(FailsOnce event) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("not yet");
            }
            delivered.incrementAndGet();
        }
    }
}
