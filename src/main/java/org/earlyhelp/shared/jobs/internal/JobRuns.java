package org.earlyhelp.shared.jobs.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scheduled jobs' locks, and the record of each job's runs: which instance ran it, when, and how it ended. */
@Repository
public class JobRuns {

    private final JdbcClient jdbc;

    public JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The jobs' locks, in {@code jobs.shedlock} (ShedLock's JDBC provider, with the database's
     * clock, so that instances' clocks may differ), held in this instance's name. The database is
     * named rather than asked: ShedLock asks it at the first lock, and when that falls while the
     * database is away it fails as "DB time is not supported for database product: UNKNOWN" instead
     * of saying that the database cannot be reached. A lock is renewed while its job runs
     * (ShedLock's {@code KeepAliveLockProvider}, halfway through each period it is held for, on
     * {@code renewals}), so that it can be held for a short period: an instance that stops
     * while running a job stops renewing it, and frees the job at the end of that period.
     */
    public LockingTaskExecutor locks(DataSource dataSource, String instance, ScheduledExecutorService renewals) {
        return new DefaultLockingTaskExecutor(new KeepAliveLockProvider(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .withDatabaseProduct(DatabaseProduct.POSTGRES_SQL)
                        .withTableName("jobs.shedlock")
                        .withLockedByValue(instance)
                        .usingDbTime()
                        .build()),
                renewals));
    }

    /** Records that a run started; returns its id. */
    public long started(String name, String instance, Instant at) {
        return jdbc.sql("INSERT INTO jobs.run (name, instance, started_at) VALUES (?, ?, ?) RETURNING id")
                .params(name, instance, Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Records how a run ended ("done" or "failed"). */
    public void finished(long id, Instant at, String outcome) {
        jdbc.sql("UPDATE jobs.run SET finished_at = ?, outcome = ? WHERE id = ?")
                .params(Timestamp.from(at), outcome, id)
                .update();
    }

    /** Forgets a job's runs that started before the given time. */
    public void forget(String name, Instant before) {
        jdbc.sql("DELETE FROM jobs.run WHERE name = ? AND started_at < ?")
                .params(name, Timestamp.from(before))
                .update();
    }
}
