package org.earlyhelp.shared.events;

import java.time.Duration;
import org.earlyhelp.shared.jobs.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, every minute and once across instances, event publications still incomplete a
 * minute after they were stored: a listener failed (a read model that saw a decision before the
 * request, a mail server that was down), or the instance delivering them stopped. Restarts do not
 * deliver them (ADR 0002): with several instances, this is the only way they are delivered again.
 */
@Component
@EnableScheduling
class IncompletePublicationsRetry {

    private static final Logger log = LoggerFactory.getLogger(IncompletePublicationsRetry.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;
    private final ScheduledJobs jobs;
    private final Duration every;

    IncompletePublicationsRetry(
            IncompleteEventPublications incomplete,
            @Value("${earlyhelp.events.retry-older-than:PT1M}") Duration olderThan,
            ScheduledJobs jobs,
            @Value("${earlyhelp.events.retry-every:PT1M}") Duration every) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
        this.jobs = jobs;
        this.every = every;
    }

    @Scheduled(
            initialDelayString = "${earlyhelp.events.retry-every:PT1M}",
            fixedDelayString = "${earlyhelp.events.retry-every:PT1M}")
    void retry() {
        try {
            // Once across instances: two instances resubmitting the same publication would deliver it twice.
            jobs.runEvery("events-retry", every, () -> incomplete.resubmitIncompletePublicationsOlderThan(olderThan));
        } catch (RuntimeException e) {
            log.warn("Could not resubmit incomplete event publications: {}", e.getMessage());
        }
    }
}
