package org.earlyhelp.voice;

import java.time.Duration;
import org.earlyhelp.shared.jobs.ScheduledJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The voice module's scheduled jobs, each run once across instances: escalating unacknowledged
 * safeguarding alerts (every minute), and the daily retention of feedback.
 */
@Component
class VoiceSchedule {

    private final SafeguardingAlerts alerts;
    private final FeedbackRetention retention;
    private final ScheduledJobs jobs;
    private final Duration escalateEvery;

    VoiceSchedule(
            SafeguardingAlerts alerts,
            FeedbackRetention retention,
            ScheduledJobs jobs,
            @Value("${earlyhelp.voice.escalate-every:PT1M}") Duration escalateEvery) {
        this.alerts = alerts;
        this.retention = retention;
        this.jobs = jobs;
        this.escalateEvery = escalateEvery;
    }

    @Scheduled(fixedDelayString = "${earlyhelp.voice.escalate-every:PT1M}")
    void escalate() {
        jobs.runEvery("voice-escalation", escalateEvery, alerts::escalate);
    }

    @Scheduled(cron = "${earlyhelp.retention.cron:0 30 2 * * *}", zone = "Europe/London")
    void retention() {
        jobs.runOnce("voice-retention", Duration.ofMinutes(5), Duration.ofHours(2), retention::daily);
    }
}
