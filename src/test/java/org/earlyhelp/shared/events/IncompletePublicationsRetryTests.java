package org.earlyhelp.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that failed once is delivered again while the application keeps running (the
 * application retries publications older than a second, every half second).
 */
@OwnDataApplicationTest
class IncompletePublicationsRetryTests {

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedDeliveryIsRetriedWithoutARestart() throws InterruptedException {
        transactions.executeWithoutResult(
                s -> publisher.publishEvent(new FailsOnceListener.FailsOnce(UUID.randomUUID())));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (FailsOnceListener.delivered.get() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(FailsOnceListener.delivered.get()).isEqualTo(1);
        // The publication is marked complete just after the listener returns, in its own step.
        long incomplete = Long.MAX_VALUE;
        while (Instant.now().isBefore(deadline.plusSeconds(5))) {
            incomplete = jdbc.sql(
                            "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL AND event_type = ?")
                    .param(FailsOnceListener.FailsOnce.class.getName())
                    .query(Long.class)
                    .single();
            if (incomplete == 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(incomplete).isZero();
        assertThat(FailsOnceListener.delivered.get())
                .as("delivered once, not again")
                .isEqualTo(1);
    }
}
