package org.earlyhelp.shared.jobs;

import org.earlyhelp.shared.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * What the log says when a scheduled task fails. While the database is away (a restart, a
 * failover, every connection busy) every task fails at each of its ticks; Spring's default, a full
 * stack trace each time, buried the outage and anything else in the log under hundreds of lines.
 * So a task that failed for want of a database connection is one line that names the task and
 * what the driver or the pool said; it runs again at its next tick, as before. Any other failure is
 * a fault to look into, logged in full.
 *
 * <p>ShedLock's JDBC provider logs its own full stack trace before it throws the failure on to the
 * task; {@code application.properties} turns that logger off, since what it logged reaches this
 * handler as the cause of the failure it throws.
 */
@Component
class ScheduledTaskFailures implements ThreadPoolTaskSchedulerCustomizer, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);
    private static final String APPLICATION = "org.earlyhelp.";
    private static final int MOST_SAID = 300;

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(this);
    }

    @Override
    public void handleError(Throwable failure) {
        String task = task(failure);
        if (DatabaseUnavailable.caused(failure)) {
            log.warn(
                    "Scheduled task {} did not run: the database is unavailable ({}); it runs again at its next tick",
                    task,
                    said(failure));
        } else {
            log.error("Scheduled task {} failed", task, failure);
        }
    }

    /**
     * The application's method the scheduler called: the outermost of the application's frames
     * (nearest the scheduler's thread), without the proxy's suffix, as {@code AuditChain.seal}.
     */
    static String task(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        for (int i = frames.length - 1; i >= 0; i--) {
            String type = frames[i].getClassName();
            if (type.startsWith(APPLICATION)) {
                int proxy = type.indexOf("$$");
                String name = proxy < 0 ? type : type.substring(0, proxy);
                return name.substring(name.lastIndexOf('.') + 1) + "." + frames[i].getMethodName();
            }
        }
        return "(not the application's)";
    }

    /** What the innermost cause said (the driver's or the pool's words), on one line. */
    static String said(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        String said = innermost.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.replaceAll("\\s+", " ").strip());
        return said.length() <= MOST_SAID ? said : said.substring(0, MOST_SAID) + "…";
    }
}
