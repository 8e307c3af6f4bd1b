package org.earlyhelp.voice;

import java.time.Duration;
import org.earlyhelp.shared.jobs.ScheduledJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The voice module's scheduled jobs, each run once across instances: escalating unacknowledged
 * safeguarding alerts (every minute), forgetting the flood limits' counts older than an hour
 * (every ten minutes), and the daily retention of feedback.
 */
@Component
class VoiceSchedule {

    private final AlertEscalation escalation;
    private final FeedbackForms forms;
    private final FeedbackRetention retention;
    private final ScheduledJobs jobs;
    private final Duration escalateEvery;

    VoiceSchedule(
            AlertEscalation escalation,
            FeedbackForms forms,
            FeedbackRetention retention,
            ScheduledJobs jobs,
            @Value("${earlyhelp.voice.escalate-every:PT1M}") Duration escalateEvery) {
        this.escalation = escalation;
        this.forms = forms;
        this.retention = retention;
        this.jobs = jobs;
        this.escalateEvery = escalateEvery;
    }

    @Scheduled(fixedDelayString = "${earlyhelp.voice.escalate-every:PT1M}")
    void escalate() {
        jobs.runEvery("voice-escalation", escalateEvery, escalation::escalate);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetOldLimits() {
        jobs.runEvery("voice-answer-limits", Duration.ofMinutes(10), forms::forgetOldLimits);
    }

    @Scheduled(cron = "${earlyhelp.retention.cron:0 30 2 * * *}", zone = "Europe/London")
    void retention() {
        jobs.runOnce("voice-retention", Duration.ofMinutes(5), retention::daily);
    }
}
