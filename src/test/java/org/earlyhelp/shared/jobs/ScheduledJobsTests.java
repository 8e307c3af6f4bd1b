package org.earlyhelp.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.earlyhelp.shared.jobs.internal.JobRuns;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job runs once across instances: three {@link ScheduledJobs}, as three instances on one
 * database would have, fire the same tick at once and one of them runs it; a tick soon after is
 * skipped; once the lock's time is over, the next tick runs. Each run is recorded.
 */
@OwnDataApplicationTest
class ScheduledJobsTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private ScheduledJobs instance(String name) {
        return new ScheduledJobs(dataSource, new JobRuns(jdbc), Clock.systemUTC(), name);
    }

    @Test
    void aTickFiredOnEveryInstanceRunsOnce() throws Exception {
        String job = "test-" + UUID.randomUUID();
        List<ScheduledJobs> instances = List.of(instance("a"), instance("b"), instance("c"));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<Boolean>> ticks = new ArrayList<>();
            for (ScheduledJobs each : instances) {
                Callable<Boolean> tick = () -> {
                    start.await();
                    return each.runOnce(job, Duration.ofSeconds(2), Duration.ofMinutes(1), () -> {
                        runs.incrementAndGet();
                        sleep(200);
                    });
                };
                ticks.add(threads.submit(tick));
            }
            start.countDown();
            int ranHere = 0;
            for (Future<Boolean> tick : ticks) {
                ranHere += tick.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(runs).hasValue(1);
            assertThat(ranHere).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        // The lock is kept for two seconds after the run: a later tick on another instance skips it.
        assertThat(instance("b").runOnce(job, Duration.ofSeconds(2), Duration.ofMinutes(1), runs::incrementAndGet))
                .isFalse();
        assertThat(runs).hasValue(1);
        sleep(2_100);
        assertThat(instance("c").runOnce(job, Duration.ofSeconds(2), Duration.ofMinutes(1), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(2);
        assertThat(jdbc.sql("SELECT count(*) FROM jobs.run WHERE name = ? AND outcome = 'done'")
                        .param(job)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT instance FROM jobs.run WHERE name = ? ORDER BY started_at DESC LIMIT 1")
                        .param(job)
                        .query(String.class)
                        .single())
                .isEqualTo("c");
    }

    @Test
    void aFailedRunIsRecordedAndFreesTheJobForItsNextTick() {
        String job = "test-" + UUID.randomUUID();
        ScheduledJobs here = instance("a");
        assertThatThrownBy(() -> here.runOnce(job, Duration.ZERO, Duration.ofMinutes(1), () -> {
                    throw new IllegalStateException("the mail server is down");
                }))
                .hasMessageContaining("mail server");
        assertThat(jdbc.sql("SELECT outcome FROM jobs.run WHERE name = ?")
                        .param(job)
                        .query(String.class)
                        .single())
                .isEqualTo("failed");
        AtomicInteger runs = new AtomicInteger();
        assertThat(instance("b").runOnce(job, Duration.ZERO, Duration.ofMinutes(1), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aJobEveryFewSecondsKeepsItsLockForNineTenthsOfItsInterval() {
        String job = "test-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        assertThat(instance("a").runEvery(job, Duration.ofSeconds(1), runs::incrementAndGet))
                .isTrue();
        assertThat(instance("b").runEvery(job, Duration.ofSeconds(1), runs::incrementAndGet))
                .isFalse();
        // Another instance whose tick comes past the middle of the interval still finds it taken.
        sleep(600);
        assertThat(instance("b").runEvery(job, Duration.ofSeconds(1), runs::incrementAndGet))
                .isFalse();
        sleep(400);
        assertThat(instance("b").runEvery(job, Duration.ofSeconds(1), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
