package org.earlyhelp.shared.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.earlyhelp.shared.jobs.internal.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job once across instances. Every instance's scheduler fires; the first to take
 * the job's lock in {@code jobs.shedlock} (ShedLock's JDBC provider, with the database's clock, so
 * instances' clocks may differ) runs it, and holds the lock for at least a while after it ends, so
 * that an instance whose tick comes a little later skips it. While the job runs, its lock is held
 * {@link #HELD_AHEAD} ahead and renewed every half of that, however long the job takes; so a lock
 * left by an instance that stopped (killed while escalating alerts or delivering events again)
 * frees the job within {@link #HELD_AHEAD}, not after the longest the job might take, which was
 * ten minutes without safeguarding escalation or redelivery on any instance. Each run is recorded
 * in {@code jobs.run}: the job, the instance, when it started and ended, and how.
 */
@Component
public class ScheduledJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);
    /** How long runs are remembered. */
    static final Duration KEPT = Duration.ofDays(30);

    /**
     * How far ahead a running job's lock is held, and so how long after an instance stopped its
     * jobs are free again (ShedLock's keep-alive renews a lock no shorter than 30 seconds).
     */
    static final Duration HELD_AHEAD = Duration.ofMinutes(1);

    private final Duration heldAhead;
    private final ScheduledExecutorService renewals;
    private final LockingTaskExecutor locks;
    private final JobRuns runs;
    private final Clock clock;
    private final String instance;

    @Autowired
    ScheduledJobs(DataSource dataSource, JobRuns runs, Clock clock) {
        this(dataSource, runs, clock, hostName() + ":" + ProcessHandle.current().pid());
    }

    /** Another instance on the same database, for tests. */
    ScheduledJobs(DataSource dataSource, JobRuns runs, Clock clock, String instance) {
        this(dataSource, runs, clock, instance, HELD_AHEAD);
    }

    /** Another instance, for tests, holding running jobs' locks {@code heldAhead} ahead (30 seconds or more). */
    ScheduledJobs(DataSource dataSource, JobRuns runs, Clock clock, String instance, Duration heldAhead) {
        this.heldAhead = heldAhead;
        this.renewals = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("job-lock-renewals").daemon(true).factory());
        this.locks = runs.locks(dataSource, instance, renewals);
        this.runs = runs;
        this.clock = clock;
        this.instance = instance;
    }

    /**
     * Runs the job here unless another instance runs it now or ran it less than {@code atLeast}
     * ago.
     *
     * @param atLeast how long the lock is kept after the job started: for a job every few minutes,
     *     most of its interval; for a daily one, longer than instances' ticks can be apart
     * @return whether it ran here
     */
    public boolean runOnce(String name, Duration atLeast, Runnable work) {
        LockConfiguration lock = new LockConfiguration(clock.instant(), name, max(atLeast, heldAhead), atLeast);
        try {
            return locks.executeWithLock(
                            () -> {
                                run(name, work);
                                return Boolean.TRUE;
                            },
                            lock)
                    .wasExecuted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * For a job run every {@code interval}: the lock is kept for nine tenths of it after the run
     * started, so that however the instances' ticks fall between each other, two runs are never
     * closer than that, and the next tick of the instance that ran finds the job free again.
     */
    public boolean runEvery(String name, Duration interval, Runnable work) {
        return runOnce(name, interval.multipliedBy(9).dividedBy(10), work);
    }

    private void run(String name, Runnable work) {
        Instant started = clock.instant();
        long id = runs.started(name, instance, started);
        String outcome = "failed";
        try {
            work.run();
            outcome = "done";
        } finally {
            try {
                runs.finished(id, clock.instant(), outcome);
                runs.forget(name, started.minus(KEPT));
            } catch (RuntimeException e) {
                log.warn("Could not record how job {} ended: {}", name, e.getMessage());
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Stops renewing locks: a job still running when the application stops keeps its lock at most {@link #HELD_AHEAD}. */
    @Override
    public void destroy() {
        renewals.shutdownNow();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
