package org.earlyhelp.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/** A listener that failed once is delivered again while the application keeps running. */
@SpringBootTest(
        properties = {
            "earlyhelp.test.isolated=retry",
            "earlyhelp.events.retry-every=PT0.5S",
            "earlyhelp.events.retry-older-than=PT0.2S"
        })
@Import(IncompletePublicationsRetryTests.FlakyListenerConfiguration.class)
class IncompletePublicationsRetryTests {

    record Flaky(UUID id) {}

    static final AtomicInteger failures = new AtomicInteger(1);
    static final AtomicInteger delivered = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyListenerConfiguration {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    static class FlakyListener {
        @ApplicationModuleListener
        void on(Flaky event) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("not yet");
            }
            delivered.incrementAndGet();
        }
    }

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedDeliveryIsRetriedWithoutARestart() throws InterruptedException {
        transactions.executeWithoutResult(s -> publisher.publishEvent(new Flaky(UUID.randomUUID())));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (delivered.get() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(delivered.get()).isEqualTo(1);
        // The publication is marked complete just after the listener returns, in its own step.
        long incomplete = Long.MAX_VALUE;
        while (Instant.now().isBefore(deadline.plusSeconds(5))) {
            incomplete = jdbc.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                    .query(Long.class)
                    .single();
            if (incomplete == 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(incomplete).isZero();
        assertThat(delivered.get()).as("delivered once, not again").isEqualTo(1);
    }
}
