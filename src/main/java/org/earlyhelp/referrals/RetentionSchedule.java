package org.earlyhelp.referrals;

import java.time.Duration;
import org.earlyhelp.shared.jobs.ScheduledJobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the daily retention once across instances: the first instance whose tick comes takes the
 * lock and keeps it for five minutes after, longer than instances' clocks and ticks are apart.
 */
@Component
class RetentionSchedule {

    private final Retention retention;
    private final ScheduledJobs jobs;

    RetentionSchedule(Retention retention, ScheduledJobs jobs) {
        this.retention = retention;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${earlyhelp.retention.cron:0 30 2 * * *}", zone = "Europe/London")
    void daily() {
        jobs.runOnce("referrals-retention", Duration.ofMinutes(5), retention::daily);
    }
}
