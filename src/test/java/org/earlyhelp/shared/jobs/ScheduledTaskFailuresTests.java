package org.earlyhelp.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.earlyhelp.shared.jobs.internal.JobRuns;
import org.earlyhelp.testing.FreePorts;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * What the log says when a scheduled task fails, on the application's own scheduler: a job whose
 * database cannot be reached (here, a port nobody listens on, as when the database is down) is one
 * warning naming the job, with no stack trace from the scheduler or from ShedLock, and so is one whose
 * connection is lost in the middle of taking the job's lock; a fault of any
 * other kind is still an error logged in full.
 */
@OwnDataApplicationTest
class ScheduledTaskFailuresTests {

    @Autowired
    ThreadPoolTaskScheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** A job as the application's are: a method the scheduler calls, run once across instances. */
    static final class Escalation implements Runnable {

        private final ScheduledJobs jobs;

        Escalation(ScheduledJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void run() {
            jobs.runEvery("test-escalation", Duration.ofMinutes(1), () -> {});
        }
    }

    /** A task with a fault of its own. */
    static final class Faulty implements Runnable {

        @Override
        public void run() {
            throw new IllegalStateException("a fault in the task");
        }
    }

    @Test
    void aJobThatCannotReachTheDatabaseIsOneWarningThatNamesIt() throws Exception {
        DataSource away = new DriverManagerDataSource("jdbc:postgresql://localhost:" + FreePorts.next() + "/earlyhelp");
        ScheduledJobs jobs = new ScheduledJobs(away, new JobRuns(jdbc), Clock.systemUTC(), "away");

        List<ILoggingEvent> logged = loggedWhileTheSchedulerRuns(new Escalation(jobs));

        assertOneLineSaying(logged, "refused");
    }

    @Test
    void aJobWhoseConnectionIsLostMidwayIsOneWarningToo() throws Exception {
        // The database restarting under a connection the job already has: its transaction began,
        // then the statement fails as PostgreSQL's driver says (SQL state 08006). ShedLock logs such
        // a failure itself before throwing it on.
        DataSource dropping = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection real = super.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")) {
                                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        ScheduledJobs jobs = new ScheduledJobs(dropping, new JobRuns(jdbc), Clock.systemUTC(), "dropping");

        List<ILoggingEvent> logged = loggedWhileTheSchedulerRuns(new Escalation(jobs));

        assertOneLineSaying(logged, "An I/O error occurred while sending to the backend.");
    }

    /** One warning, on one line and without a stack trace, that names the job and what was said. */
    private static void assertOneLineSaying(List<ILoggingEvent> logged, String said) {
        assertThat(logged)
                .as("what the scheduler's thread logged")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.WARN);
                    assertThat(e.getFormattedMessage())
                            .startsWith("Scheduled task ScheduledTaskFailuresTests$Escalation.run did not run:"
                                    + " the database is unavailable (")
                            .contains(said)
                            .doesNotContain("\n");
                    assertThat(e.getThrowableProxy()).as("a stack trace").isNull();
                });
    }

    @Test
    void anyOtherFaultIsAnErrorInFull() throws Exception {
        List<ILoggingEvent> logged = loggedWhileTheSchedulerRuns(new Faulty());

        assertThat(logged).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getFormattedMessage())
                    .isEqualTo("Scheduled task ScheduledTaskFailuresTests$Faulty.run failed");
            assertThat(e.getThrowableProxy()).isNotNull();
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("a fault in the task");
        });
    }

    @Test
    void theTaskIsTheApplicationsMethodNearestTheScheduler() {
        Throwable failure = new IllegalStateException("x");
        failure.setStackTrace(new StackTraceElement[] {
            frame("org.springframework.jdbc.datasource.DataSourceTransactionManager", "doBegin"),
            frame("org.earlyhelp.audit.internal.Seals", "head"),
            frame("org.earlyhelp.audit.AuditChain", "seal"),
            frame("org.earlyhelp.audit.AuditChain$$SpringCGLIB$$0", "seal"),
            frame("org.springframework.scheduling.support.ScheduledMethodRunnable", "run"),
            frame("java.lang.Thread", "run")
        });
        assertThat(ScheduledTaskFailures.task(failure)).isEqualTo("AuditChain.seal");
        assertThat(ScheduledTaskFailures.task(new IllegalStateException()))
                .isEqualTo("ScheduledTaskFailuresTests.theTaskIsTheApplicationsMethodNearestTheScheduler");
        Throwable outside = new IllegalStateException();
        outside.setStackTrace(new StackTraceElement[] {frame("java.lang.Thread", "run")});
        assertThat(ScheduledTaskFailures.task(outside)).isEqualTo("(not the application's)");
    }

    @Test
    void whatTheDriverSaidIsOneLineOfAtMost300Characters() {
        Throwable failure = new IllegalStateException(
                "outer", new RuntimeException("Connection to localhost:1 refused.\n  Check that the hostname"));
        assertThat(ScheduledTaskFailures.said(failure))
                .isEqualTo("RuntimeException: Connection to localhost:1 refused. Check that the hostname");
        assertThat(ScheduledTaskFailures.said(new IllegalStateException("y".repeat(400))))
                .hasSize(301)
                .endsWith("y…");
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }

    /**
     * Runs the task once on the application's scheduler; what the scheduler's threads logged at
     * WARN or above meanwhile.
     */
    private List<ILoggingEvent> loggedWhileTheSchedulerRuns(Runnable task) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            scheduler.schedule(task, Instant.now()).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException thrownOn) {
            // Spring's default for a task run once: logged, then thrown on; what was logged is checked
        } finally {
            root.detachAppender(appender);
        }
        return appender.list.stream()
                .filter(e -> e.getThreadName().startsWith(scheduler.getThreadNamePrefix()))
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
    }
}
