package org.earlyhelp.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.NamesInText;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CaseAccess;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.AlertRepository;
import org.earlyhelp.voice.internal.SealedIdentities;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safeguarding alerts from feedback, which nobody can miss. The alert is saved in the same
 * transaction as the feedback, whatever happens to mail, and every hub lead and safeguarding lead
 * of the hub sees it in the portal at once. The mail to the safeguarding leads is sent after the
 * commit by its own listener, through the event publication registry: a mail server that is down
 * leaves the publication incomplete, and it is sent again, never rolling the alert back. An alert
 * nobody acknowledges is mailed to every hub lead of the hub, again at an interval until someone
 * does, and then to the borough's duty address ({@link AlertEscalation}, one mail per hub and
 * round). Only what was really sent is recorded as sent. A flood of answers over the hourly limits
 * is kept whole, but only its first alerts in an hour are mailed on their own.
 */
@Service
public class SafeguardingAlerts {

    private static final String DUTY_ADDRESS = AlertRepository.DUTY_ADDRESS;

    /**
     * The most alerts the alerts page lists at once: a flood of answers (kept when they raise an
     * alert, even over the hourly limit) must not build a page without end.
     */
    public static final int MOST_SHOWN = 200;

    private final AlertRepository alerts;
    private final CaseAccess caseAccess;
    private final HubTeams teams;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final VoiceProperties properties;
    private final AlertMails mails;
    private final ApplicationEventPublisher events;
    private final SealedIdentities sealedIdentities;
    private final Clock clock;

    SafeguardingAlerts(
            AlertRepository alerts,
            HubTeams teams,
            CurrentUsers currentUsers,
            AuditTrail audit,
            VoiceProperties properties,
            AlertMails mails,
            ApplicationEventPublisher events,
            SealedIdentities sealedIdentities,
            CaseAccess caseAccess,
            Clock clock) {
        this.sealedIdentities = sealedIdentities;
        this.caseAccess = caseAccess;
        this.alerts = alerts;
        this.teams = teams;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.properties = properties;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Saves the alert for this feedback, once, in the caller's transaction (the one saving the
     * feedback), and publishes the event that mails it after the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void raise(UUID feedback, HubId hub, String reasons) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        if (!alerts.insert(id, feedback, hub, reasons, now)) {
            return;
        }
        audit.record(
                AuditAction.RAISE_ALERT, "feedback", feedback.toString(), hub, null, Concerns.withoutWords(reasons));
        events.publishEvent(new SafeguardingAlertRaised(id, feedback, hub, reasons, now));
    }

    /**
     * Mails the hub's safeguarding leads, after the alert's transaction has committed. Throws when
     * the mail cannot be sent, so that the publication stays incomplete and is tried again; the
     * alert is in the portal meanwhile. An alert whose answer came over the hourly limits is not
     * mailed on its own once {@link VoiceProperties#floodMailsPerHour()} such alerts of the hub
     * were mailed in the past hour: it is on the alerts page, counted on the home page, and
     * escalates with the others. An alert already mailed is not mailed again when its event
     * is delivered a second time (a retry after a crash, another instance's retry).
     */
    @ApplicationModuleListener
    void mail(SafeguardingAlertRaised raised) {
        if (alerts.mailed(raised.alert())) {
            return;
        }
        if (alerts.overLimitInTurn(raised.alert(), raised.hub())
                && alerts.overLimitMailedSince(raised.hub(), clock.instant().minus(Duration.ofHours(1)))
                        >= properties.floodMailsPerHour()) {
            // A flood: the leads have had its first mails this hour; the alert is on the page and
            // escalates with the others (one mail per hub and round).
            return;
        }
        List<HubMember> leads = teams.safeguardingLeads(raised.hub());
        if (leads.isEmpty()) {
            // A hub cannot be left without one (HubTeams); if it happens, its hub leads are told.
            leads = teams.hubLeads(raised.hub());
        }
        List<String> to = mails.addresses(leads);
        boolean sent = mails.send(
                to,
                "Safeguarding alert: feedback in the " + raised.hub().value() + " hub",
                "A young person's feedback needs a safeguarding lead now.\n\nWhy: " + raised.reasons()
                        + "\n\nOpen the alerts page in Early Help to read it and record what you did."
                        + " The feedback itself is not in this e-mail.");
        if (sent) {
            alerts.markMailed(raised.alert(), String.join(", ", to), clock.instant());
        }
    }

    /**
     * Whether the hub's alerts have changed, as a marker that changes when an alert is raised,
     * acknowledged, escalated or erased: for the alerts page to look again every few seconds
     * without reading (or auditing a read of) anything a child said. The hub's leads and
     * safeguarding leads only.
     */
    @Transactional(readOnly = true)
    public String changeMarker(HubId hub) {
        requireAlerts(hub);
        return alerts.changeMarker(hub);
    }

    /**
     * Open and recent alerts for a hub, at most {@link #MOST_SHOWN}: those not acknowledged first
     * (the ones that came within the hourly limits before a flood's, which came over them), newest
     * first, then the acknowledged ones, newest first. When more than that wait, {@link #waitingIn}
     * says how many. Its hub leads and safeguarding leads. Audited.
     */
    @Transactional
    public List<Alert> ofHub(HubId hub) {
        requireAlerts(hub);
        Set<UUID> readable = caseAccess.readable(alerts.casesWithAlerts(hub));
        List<Alert> shown = alerts.ofHub(hub, readable, MOST_SHOWN);
        audit.record(
                AuditAction.VIEW,
                "alerts",
                hub.value(),
                hub,
                null,
                shown.size() + " alerts: "
                        + shown.stream().map(a -> a.id().toString()).toList());
        return shown;
    }

    /**
     * How many of the hub's alerts nobody has acknowledged: for the alerts page to say so when more
     * wait than it shows. A count only, like {@link #changeMarker}: nothing a child said is read.
     */
    @Transactional(readOnly = true)
    public long waitingIn(HubId hub) {
        requireAlerts(hub);
        return alerts.waiting(List.of(hub));
    }

    /** How many alerts wait for this person (hub lead or safeguarding lead), for the home page. */
    @Transactional(readOnly = true)
    public long waitingFor(CurrentUser user) {
        currentUsers.require();
        return alerts.waiting(
                user.hubs().stream().filter(h -> mayHandle(user, h)).toList());
    }

    /** Records that a safeguarding lead or the hub lead has the alert in hand, and what they did. */
    @Transactional
    public void acknowledge(UUID alert, int version, String actionTaken) {
        // The role first: nobody learns whether an alert exists before being allowed to ask.
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = hubOf(alert);
        CurrentUser user = requireAlerts(hub);
        if (actionTaken == null || actionTaken.isBlank() || actionTaken.length() > 2000) {
            throw new ValidationException(
                    Map.of("action", new Message("voice.problem.action.record-what-you-did-are")));
        }
        if (!alerts.acknowledge(alert, version, user.displayName(), actionTaken.strip(), clock.instant())) {
            throw new ChangedBySomeoneElseException(new Message("voice.changed.alert"));
        }
        audit.record(AuditAction.ACKNOWLEDGE_ALERT, "alert", alert.toString(), hub, null, null);
    }

    /**
     * The hub's floods: its open alerts from answers that came over the hourly limits, by the group
     * or campaign invitation they came through. Labels and counts only, like {@link #waitingIn}:
     * nothing a child said is read. Its hub leads and safeguarding leads.
     */
    @Transactional(readOnly = true)
    public List<AlertFlood> floods(HubId hub) {
        requireAlerts(hub);
        return alerts.floods(hub, clock.instant());
    }

    /**
     * Sets a flood aside in one step, with one reason that is recorded: every open alert of the hub
     * that came over the hourly limits through the invitation and was raised by {@code through}
     * (the last the lead saw) is acknowledged with it. The alerts that came within the limits, any
     * raised later and any of one child's invitation still wait to be acknowledged one by one.
     * Its hub leads and safeguarding leads; how many were set aside.
     */
    @Transactional
    public int setAside(HubId hub, UUID invitation, Instant through, String reason) {
        CurrentUser user = requireAlerts(hub);
        if (reason == null || reason.strip().length() < 10 || reason.length() > 1000) {
            throw new ValidationException(
                    Map.of("reason", new Message("voice.problem.reason.say-why-flood-set-aside")));
        }
        AlertFlood flood = alerts.floods(hub, clock.instant()).stream()
                .filter(f -> f.invitation().equals(invitation))
                .findFirst()
                .orElse(null);
        if (flood == null) {
            // Someone else set it aside first, or nothing of it is left open.
            throw new ChangedBySomeoneElseException(new Message("voice.changed.flood"));
        }
        List<UUID> setAside = alerts.setAside(
                hub,
                invitation,
                through,
                user.displayName(),
                "Set aside with the flood from \"" + flood.label() + "\": " + reason.strip(),
                clock.instant());
        audit.record(
                AuditAction.SET_ASIDE_ALERTS,
                "invitation",
                invitation.toString(),
                hub,
                reason.strip(),
                setAside.size() + " alerts over the limits: " + setAside);
        return setAside.size();
    }

    /**
     * Opens a pseudonymous young person's sealed name: only a safeguarding lead of the hub, with a
     * reason, and it is recorded.
     */
    @Transactional
    public String unseal(UUID feedback, String reason) {
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = alerts.hubOfFeedback(feedback)
                .orElseThrow(() -> refused(AuditAction.UNSEAL, "feedback", feedback, null, "No such feedback"));
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        if (!isSafeguardingLead(user, hub)) {
            throw refused(
                    AuditAction.UNSEAL,
                    "feedback",
                    feedback,
                    hub,
                    "Only a safeguarding lead of the hub can unseal a name");
        }
        if (reason == null || reason.strip().length() < 10 || reason.length() > 1000) {
            throw new ValidationException(Map.of("reason", new Message("voice.problem.reason.say-why-you-need-know")));
        }
        AlertRepository.Sealed stored = alerts.sealedIdentity(feedback)
                .orElseThrow(() -> new ValidationException(
                        Map.of("reason", new Message("voice.problem.reason.feedback-has-no-sealed-name"))));
        String name = String.valueOf(sealedIdentities.open(stored.name()));
        String contact = sealedIdentities.open(stored.contact());
        // The reason stays in the audit trail after the feedback and its sealed name are deleted.
        // The refusal tells the lead a word of the sealed name before any unsealing is recorded: it
        // is recorded (without the reason), so that trying names against the seal leaves a trace.
        naming(reason, name, contact).ifPresent(named -> {
            audit.refused(
                    AuditAction.UNSEAL,
                    "feedback",
                    feedback.toString(),
                    hub,
                    "the reason held the sealed name or contact");
            throw new ValidationException(
                    Map.of("reason", new Message("voice.problem.reason.names-the-young-person", named)));
        });
        String sealed = name + (contact == null ? "" : " (" + contact + ")");
        alerts.recordUnseal(feedback, user.username(), reason.strip(), clock.instant());
        audit.record(AuditAction.UNSEAL, "feedback", feedback.toString(), hub, reason.strip(), null);
        return sealed;
    }

    /** A word of the young person's sealed name, or their contact, that the unsealing reason holds. */
    static Optional<String> naming(String reason, String name, @Nullable String contact) {
        Optional<String> named = NamesInText.firstNamed(reason, List.of(name));
        if (named.isPresent() || contact == null) {
            return named;
        }
        String bare = contact.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return bare.length() >= 5
                        && reason.replaceAll("\\s+", "")
                                .toLowerCase(Locale.ROOT)
                                .contains(bare)
                ? Optional.of(contact)
                : Optional.empty();
    }

    /** The borough's duty address that unacknowledged alerts reach last. Administrators. */
    @Transactional(readOnly = true)
    public DutyAddress dutyAddress() {
        currentUsers.requireAnyOf(Role.ADMIN);
        return alerts.dutyAddress()
                .map(s -> new DutyAddress(s.address(), s.version()))
                .orElse(new DutyAddress(properties.configuredDutyAddress(), -1));
    }

    /**
     * The duty address as set, or as configured ({@code earlyhelp.voice.duty-address}), with the
     * version to change it ({@code -1}: never set in the portal).
     */
    public record DutyAddress(@Nullable String address, int version) {}

    /** Sets the borough's duty address; refuses over someone else's change. Administrators. */
    @Transactional
    public void setDutyAddress(String address, int version) {
        CurrentUser user = currentUsers.requireAnyOf(Role.ADMIN);
        String clean = address == null ? "" : address.strip();
        if (clean.isEmpty() || clean.length() > 200 || !AlertMails.validAddress(clean)) {
            throw new ValidationException(
                    Map.of("address", new Message("voice.problem.address.give-one-e-mail-address")));
        }
        if (!alerts.setDutyAddress(clean, version, user.username(), clock.instant())) {
            throw new ChangedBySomeoneElseException(new Message("voice.changed.duty-address"));
        }
        audit.record(AuditAction.SET_DUTY_ADDRESS, "setting", DUTY_ADDRESS, null, null, clean);
    }

    /** Whether this person sees and acknowledges the hub's alerts: its hub leads and safeguarding leads. */
    boolean mayHandle(CurrentUser user, HubId hub) {
        return user.hubs().contains(hub) && (user.has(Role.HUB_LEAD) || isSafeguardingLead(user, hub));
    }

    boolean isSafeguardingLead(CurrentUser user, HubId hub) {
        return user.hubs().contains(hub) && teams.isSafeguardingLead(hub, user.username());
    }

    private CurrentUser requireAlerts(HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        if (!mayHandle(user, hub)) {
            throw refused(
                    AuditAction.VIEW,
                    "alerts",
                    hub.value(),
                    hub,
                    "Only the hub's leads and safeguarding leads see its alerts");
        }
        return user;
    }

    private AccessDeniedException refused(
            AuditAction action, String type, Object id, @Nullable HubId hub, String message) {
        audit.refused(action, type, String.valueOf(id), hub, null);
        return new AccessDeniedException(message);
    }

    private HubId hubOf(UUID alert) {
        return alerts.hubOfAlert(alert)
                .orElseThrow(() -> refused(AuditAction.ACKNOWLEDGE, "alert", alert, null, "No such alert"));
    }
}
