package org.earlyhelp.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
                    return each.runOnce(job, Duration.ofSeconds(2), () -> {
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
        assertThat(instance("b").runOnce(job, Duration.ofSeconds(2), runs::incrementAndGet))
                .isFalse();
        assertThat(runs).hasValue(1);
        sleep(2_100);
        assertThat(instance("c").runOnce(job, Duration.ofSeconds(2), runs::incrementAndGet))
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
        assertThatThrownBy(() -> here.runOnce(job, Duration.ZERO, () -> {
                    throw new IllegalStateException("the mail server is down");
                }))
                .hasMessageContaining("mail server");
        assertThat(jdbc.sql("SELECT outcome FROM jobs.run WHERE name = ?")
                        .param(job)
                        .query(String.class)
                        .single())
                .isEqualTo("failed");
        AtomicInteger runs = new AtomicInteger();
        assertThat(instance("b").runOnce(job, Duration.ZERO, runs::incrementAndGet))
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

    @Test
    void aRunningJobsLockIsHeldOnlyAMinuteAheadSoThatAStoppedInstanceFreesItSoon() {
        String job = "test-" + UUID.randomUUID();
        ScheduledJobs here = instance("a");
        try {
            AtomicReference<Double> heldFor = new AtomicReference<>();
            // An alert escalation every minute: were this instance killed now, the lock would be
            // left as it is while the job runs.
            assertThat(here.runEvery(job, Duration.ofMinutes(1), () -> heldFor.set(secondsHeldAhead(job))))
                    .isTrue();
            assertThat(heldFor.get())
                    .as("seconds the lock of a running job is held ahead")
                    .isBetween(50.0, 60.5);
        } finally {
            here.destroy();
        }
    }

    @Test
    void aJobRunningLongerThanItsLockIsHeldAheadKeepsItsLock() {
        String job = "test-" + UUID.randomUUID();
        ScheduledJobs here =
                new ScheduledJobs(dataSource, new JobRuns(jdbc), Clock.systemUTC(), "a", Duration.ofSeconds(30));
        ScheduledJobs other = instance("b");
        AtomicInteger runs = new AtomicInteger();
        try {
            assertThat(here.runOnce(job, Duration.ZERO, () -> {
                        // Renewed halfway through the 30 seconds it is held for: its end moves on. Waited
                        // for up to 25 seconds, so that a busy machine's late renewal still counts, and
                        // a lock that is not renewed (ending at 30 seconds) does not.
                        double firstEnd = lockEnds(job);
                        long deadline =
                                System.nanoTime() + Duration.ofSeconds(25).toNanos();
                        while (lockEnds(job) < firstEnd + 10 && System.nanoTime() < deadline) {
                            sleep(250);
                        }
                        assertThat(lockEnds(job) - firstEnd)
                                .as("seconds the lock's end moved on while the job ran")
                                .isGreaterThan(10.0);
                        // From a thread of its own: ShedLock lets the thread holding a lock in again.
                        assertThat(CompletableFuture.supplyAsync(
                                                () -> other.runOnce(job, Duration.ZERO, runs::incrementAndGet))
                                        .join())
                                .isFalse();
                    }))
                    .isTrue();
            assertThat(runs).hasValue(0);
        } finally {
            here.destroy();
            other.destroy();
        }
    }

    private double lockEnds(String job) {
        return jdbc.sql("SELECT extract(epoch FROM lock_until) FROM jobs.shedlock WHERE name = ?")
                .param(job)
                .query(Double.class)
                .single();
    }

    private double secondsHeldAhead(String job) {
        return jdbc.sql("""
                        SELECT extract(epoch FROM lock_until - timezone('utc', now()))
                        FROM jobs.shedlock WHERE name = ?""").param(job).query(Double.class).single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
