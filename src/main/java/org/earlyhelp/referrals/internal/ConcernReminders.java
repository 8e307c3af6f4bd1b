package org.earlyhelp.referrals.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.referrals.internal.ConcernCheckRepository.Unchecked;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.jobs.ScheduledJobs;
import org.earlyhelp.shared.jobs.SystemJob;
import org.earlyhelp.voice.SafeguardingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds a hub's safeguarding leads and hub leads, and the borough's duty address, of the
 * safeguarding concerns and step-ups to children's social care nobody has checked with the front door {@code
 * earlyhelp.referrals.concern-remind-after} (an hour) after they were recorded, and again every
 * {@code earlyhelp.referrals.concern-remind-again} (an hour) until a lead of the hub checks them.
 * One mail per hub and round, saying how many wait, naming no child. Run once across instances
 * every {@code earlyhelp.referrals.concern-remind-every} (five minutes).
 */
@Component
class ConcernReminders {

    private static final Logger log = LoggerFactory.getLogger(ConcernReminders.class);

    private final ConcernCheckRepository checks;
    private final SafeguardingMail mail;
    private final HubDirectory hubs;
    private final ScheduledJobs jobs;
    private final Clock clock;
    private final Duration after;
    private final Duration again;
    private final Duration every;

    ConcernReminders(
            ConcernCheckRepository checks,
            SafeguardingMail mail,
            HubDirectory hubs,
            ScheduledJobs jobs,
            Clock clock,
            @Value("${earlyhelp.referrals.concern-remind-after:PT1H}") Duration after,
            @Value("${earlyhelp.referrals.concern-remind-again:PT1H}") Duration again,
            @Value("${earlyhelp.referrals.concern-remind-every:PT5M}") Duration every) {
        this.checks = checks;
        this.mail = mail;
        this.hubs = hubs;
        this.jobs = jobs;
        this.clock = clock;
        this.after = after;
        this.again = again;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${earlyhelp.referrals.concern-remind-every:PT5M}")
    void tick() {
        jobs.runEvery("referrals-concern-reminders", every, this::remind);
    }

    /** One round: a mail per hub with concerns due a reminder; each marked reminded once mailed. */
    @SystemJob
    void remind() {
        Instant now = clock.instant();
        Map<HubId, List<Unchecked>> byHub = checks.toRemind(now.minus(after), now.minus(again)).stream()
                .collect(Collectors.groupingBy(Unchecked::hub, LinkedHashMap::new, Collectors.toList()));
        byHub.forEach((hub, waiting) -> {
            // One hub's reminder: a mail that fails for one hub does not stop the others.
            try {
                remind(hub, waiting, now);
            } catch (RuntimeException e) {
                log.error(
                        "Could not remind anyone of the safeguarding concerns and step-ups {} in {}: {}",
                        waiting,
                        hub,
                        e.getMessage());
            }
        });
    }

    private void remind(HubId hub, List<Unchecked> waiting, Instant now) {
        String name = ConcernMail.hubName(hubs, hub);
        String howMany = waiting.size() == 1
                ? "1 safeguarding concern or step-up"
                : waiting.size() + " safeguarding concerns and step-ups";
        List<String> to = mail.toHub(
                hub,
                true,
                "NOT YET CHECKED: " + howMany + " in the " + name + " hub",
                howMany + " recorded in the " + name + " hub (the oldest at "
                        + ConcernMail.WHEN.format(waiting.getFirst().recordedAt())
                        + ") not yet checked with the front door by a lead of the hub."
                        + " A child may be at risk of significant harm: please make sure the front door"
                        + " has each, and a hub lead records that in Early Help (the hub's queue)."
                        + " No child's name, concern or reason is in this e-mail.");
        if (to.isEmpty()) {
            log.error(
                    "Safeguarding concerns and step-ups {} in {} are not checked and nobody could be mailed",
                    waiting,
                    hub);
            return;
        }
        checks.markReminded(waiting.stream().map(Unchecked::request).toList(), now);
        log.warn("Safeguarding concerns and step-ups in {} not checked with the front door: reminded {}", hub, to);
    }
}
