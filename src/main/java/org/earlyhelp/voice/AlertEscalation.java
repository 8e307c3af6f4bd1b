package org.earlyhelp.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.jobs.SystemJob;
import org.earlyhelp.voice.internal.AlertRepository;
import org.earlyhelp.voice.internal.AlertRepository.Late;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Escalating the safeguarding alerts nobody has acknowledged in time ({@link VoiceSchedule} runs
 * it once across instances): to the hub's leads, then to the borough's duty address.
 */
@Component
class AlertEscalation {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalation.class);

    private final AlertRepository alerts;
    private final HubTeams teams;
    private final AlertMails mails;
    private final VoiceProperties properties;
    private final Clock clock;

    AlertEscalation(AlertRepository alerts, HubTeams teams, AlertMails mails, VoiceProperties properties, Clock clock) {
        this.alerts = alerts;
        this.teams = teams;
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Alerts nobody has acknowledged in time: mailed to every hub lead of the hub, again at the
     * configured interval until someone acknowledges; after a second interval, to the borough's
     * duty address too. One mail per hub and tick to its hub leads, and one to the duty address,
     * however many of its alerts are due: a flood of answers (kept when they raise an alert) cannot
     * become a flood of mails. Each alert's escalations are still counted. An alert is marked
     * escalated only when a mail was sent.
     */
    @SystemJob
    public void escalate() {
        Instant now = clock.instant();
        Instant late = now.minus(properties.acknowledge());
        Instant again = now.minus(properties.repeatEscalation());
        Instant duty = late.minus(properties.toDutyAfter());
        Map<HubId, List<Late>> toLeads = new TreeMap<>(Comparator.comparing(HubId::value));
        Map<HubId, List<Late>> toDuty = new TreeMap<>(Comparator.comparing(HubId::value));
        for (Late alert : alerts.unacknowledgedSince(late)) {
            if (alert.lastEscalated() == null || !alert.lastEscalated().isAfter(again)) {
                toLeads.computeIfAbsent(alert.hub(), h -> new ArrayList<>()).add(alert);
            }
            if (alert.raisedAt().isBefore(duty)
                    && (alert.dutyNotified() == null || !alert.dutyNotified().isAfter(again))) {
                toDuty.computeIfAbsent(alert.hub(), h -> new ArrayList<>()).add(alert);
            }
        }
        toLeads.forEach((hub, due) -> escalating(hub, due, () -> toHubLeads(hub, due, now)));
        toDuty.forEach((hub, due) -> escalating(hub, due, () -> toDuty(hub, due, now)));
    }

    /** One hub's escalation, so that a mail that fails for one hub does not stop the others. */
    private static void escalating(HubId hub, List<Late> due, Runnable mail) {
        try {
            mail.run();
        } catch (RuntimeException e) {
            log.error("Could not escalate the safeguarding alerts {} in {}: {}", named(ids(due)), hub, e.getMessage());
        }
    }

    private static List<UUID> ids(List<Late> due) {
        return due.stream().map(Late::id).toList();
    }

    /** "safeguarding alert in the x hub", or "safeguarding alerts (3) in the x hub": for a subject. */
    private static String subject(List<Late> due, HubId hub) {
        return "safeguarding alert" + (due.size() == 1 ? "" : "s (" + due.size() + ")") + " in the " + hub.value()
                + " hub";
    }

    /** The alerts' ids for the log: all of them, or the first 20 and how many more. */
    private static String named(List<UUID> ids) {
        return ids.size() <= 20 ? ids.toString() : ids.subList(0, 20) + " and " + (ids.size() - 20) + " more";
    }

    /** "A safeguarding alert raised at ..." or "3 safeguarding alerts, the oldest raised at ...". */
    private static String howMany(List<Late> due) {
        Instant oldest =
                due.stream().map(Late::raisedAt).min(Comparator.naturalOrder()).orElseThrow();
        return due.size() == 1
                ? "A safeguarding alert raised at " + oldest + " has"
                : due.size() + " safeguarding alerts, the oldest raised at " + oldest + ", have";
    }

    private void toHubLeads(HubId hub, List<Late> due, Instant now) {
        List<String> to = mails.addresses(teams.hubLeads(hub));
        List<UUID> ids = ids(due);
        boolean sent = mails.send(
                to,
                "ESCALATED " + subject(due, hub),
                howMany(due) + " not been acknowledged within "
                        + properties.acknowledge().toMinutes() + " minutes. Open the alerts page in Early Help now;"
                        + " this mail comes again every "
                        + properties.repeatEscalation().toMinutes()
                        + " minutes until someone acknowledges "
                        + (due.size() == 1 ? "it." : "them."));
        if (!sent) {
            log.error(
                    "Safeguarding alerts {} in {} are not acknowledged and no hub lead could be mailed",
                    named(ids),
                    hub);
            return;
        }
        alerts.markEscalated(ids, String.join(", ", to), now);
        log.warn("Safeguarding alerts {} in {} not acknowledged: mailed to its hub leads {}", named(ids), hub, to);
    }

    private void toDuty(HubId hub, List<Late> due, Instant now) {
        List<UUID> ids = ids(due);
        String address = mails.dutyAddress();
        if (address == null) {
            log.error(
                    "Safeguarding alerts {} in {} are still not acknowledged and no borough duty address is set"
                            + " (an administrator sets it at /admin/alerts)",
                    named(ids),
                    hub);
            return;
        }
        boolean sent = mails.send(
                List.of(address),
                "UNACKNOWLEDGED " + subject(due, hub),
                howMany(due) + " not been acknowledged by the " + hub.value()
                        + " hub's safeguarding or hub leads, who have been mailed."
                        + " Please make sure someone acts now.");
        if (sent) {
            alerts.markDutyNotified(ids, now);
        }
    }
}
