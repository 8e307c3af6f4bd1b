package org.earlyhelp.voice;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.jobs.SystemJob;
import org.earlyhelp.shared.security.CaseAccess;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.SealedIdentities;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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
 * does, and then to the borough's duty address. Only what was really sent is recorded as sent.
 */
@Service
public class SafeguardingAlerts {

    private static final Logger log = LoggerFactory.getLogger(SafeguardingAlerts.class);

    /** The setting an administrator keeps: the borough's duty address. */
    static final String DUTY_ADDRESS = "duty-address";

    private final JdbcClient jdbc;
    private final CaseAccess caseAccess;
    private final HubTeams teams;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final VoiceProperties properties;
    private final Optional<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final SealedIdentities sealedIdentities;
    private final Clock clock;

    SafeguardingAlerts(
            JdbcClient jdbc,
            HubTeams teams,
            CurrentUsers currentUsers,
            AuditTrail audit,
            VoiceProperties properties,
            Optional<JavaMailSender> mail,
            ApplicationEventPublisher events,
            SealedIdentities sealedIdentities,
            CaseAccess caseAccess,
            Clock clock) {
        this.sealedIdentities = sealedIdentities;
        this.caseAccess = caseAccess;
        this.jdbc = jdbc;
        this.teams = teams;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.properties = properties;
        this.mail = mail;
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
        int inserted = jdbc.sql("""
                        INSERT INTO voice.alert (id, feedback_id, hub_id, reasons, raised_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (feedback_id) DO NOTHING""")
                .params(id, feedback, hub.value(), reasons, Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return;
        }
        audit.record(AuditAction.RAISE_ALERT, "feedback", feedback.toString(), hub, null, reasons);
        events.publishEvent(new SafeguardingAlertRaised(id, feedback, hub, reasons, now));
    }

    /**
     * Mails the hub's safeguarding leads, after the alert's transaction has committed. Throws when
     * the mail cannot be sent, so that the publication stays incomplete and is tried again; the
     * alert is in the portal meanwhile. An alert already mailed is not mailed again when its event
     * is delivered a second time (a retry after a crash, another instance's retry).
     */
    @ApplicationModuleListener
    void mail(SafeguardingAlertRaised raised) {
        boolean mailed = jdbc.sql("SELECT mailed_at IS NOT NULL FROM voice.alert WHERE id = ?")
                .param(raised.alert())
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (mailed) {
            return;
        }
        List<HubMember> leads = teams.safeguardingLeads(raised.hub());
        if (leads.isEmpty()) {
            // A hub cannot be left without one (HubTeams); if it happens, its hub leads are told.
            leads = teams.hubLeads(raised.hub());
        }
        List<String> to = addresses(leads);
        boolean sent = send(
                to,
                "Safeguarding alert: feedback in the " + raised.hub().value() + " hub",
                "A young person's feedback needs a safeguarding lead now.\n\nWhy: " + raised.reasons()
                        + "\n\nOpen the alerts page in Early Help to read it and record what you did."
                        + " The feedback itself is not in this e-mail.");
        if (sent) {
            jdbc.sql("UPDATE voice.alert SET mailed_to = ?, mailed_at = ? WHERE id = ?")
                    .params(String.join(", ", to), Timestamp.from(clock.instant()), raised.alert())
                    .update();
        }
    }

    /**
     * Alerts nobody has acknowledged in time: mailed to every hub lead of the hub, again at the
     * configured interval until someone acknowledges; after a second interval, to the borough's
     * duty address too. Runs every minute. An alert is marked escalated only when a mail was sent.
     */
    @SystemJob
    public void escalate() {
        Instant now = clock.instant();
        Instant late = now.minus(properties.acknowledge());
        Instant again = now.minus(properties.repeatEscalation());
        Instant duty = late.minus(properties.toDutyAfter());
        List<Late> alerts = jdbc.sql("""
                        SELECT id, hub_id, raised_at, last_escalated_at, duty_notified_at FROM voice.alert
                        WHERE acknowledged_at IS NULL AND raised_at < ? ORDER BY raised_at""")
                .param(Timestamp.from(late))
                .query((rs, n) -> new Late(
                        rs.getObject(1, UUID.class),
                        new HubId(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))))
                .list();
        for (Late alert : alerts) {
            try {
                if (alert.lastEscalated() == null || !alert.lastEscalated().isAfter(again)) {
                    toHubLeads(alert, now);
                }
                if (alert.raisedAt().isBefore(duty)
                        && (alert.dutyNotified() == null
                                || !alert.dutyNotified().isAfter(again))) {
                    toDuty(alert, now);
                }
            } catch (RuntimeException e) {
                log.error("Could not escalate safeguarding alert {}: {}", alert.id(), e.getMessage());
            }
        }
    }

    private record Late(
            UUID id,
            HubId hub,
            Instant raisedAt,
            @Nullable Instant lastEscalated,
            @Nullable Instant dutyNotified) {}

    private void toHubLeads(Late alert, Instant now) {
        List<String> to = addresses(teams.hubLeads(alert.hub()));
        boolean sent = send(
                to,
                "ESCALATED safeguarding alert in the " + alert.hub().value() + " hub",
                "A safeguarding alert raised at " + alert.raisedAt() + " has not been acknowledged within "
                        + properties.acknowledge().toMinutes() + " minutes. Open the alerts page in Early Help now;"
                        + " this mail comes again every "
                        + properties.repeatEscalation().toMinutes()
                        + " minutes until someone acknowledges it.");
        if (!sent) {
            log.error(
                    "Safeguarding alert {} in {} is not acknowledged and no hub lead could be mailed",
                    alert.id(),
                    alert.hub());
            return;
        }
        jdbc.sql("""
                        UPDATE voice.alert SET escalations = escalations + 1, last_escalated_at = ?,
                          escalated_at = coalesce(escalated_at, ?), escalated_to = ?
                        WHERE id = ? AND acknowledged_at IS NULL""")
                .params(Timestamp.from(now), Timestamp.from(now), String.join(", ", to), alert.id())
                .update();
        log.warn(
                "Safeguarding alert {} in {} not acknowledged: mailed to its hub leads {}",
                alert.id(),
                alert.hub(),
                to);
    }

    private void toDuty(Late alert, Instant now) {
        String address = dutyAddressOrNull();
        if (address == null) {
            log.error(
                    "Safeguarding alert {} in {} is still not acknowledged and no borough duty address is set"
                            + " (an administrator sets it at /admin/alerts)",
                    alert.id(),
                    alert.hub());
            return;
        }
        boolean sent = send(
                List.of(address),
                "UNACKNOWLEDGED safeguarding alert in the " + alert.hub().value() + " hub",
                "A safeguarding alert raised at " + alert.raisedAt() + " in the "
                        + alert.hub().value()
                        + " hub has not been acknowledged by its safeguarding or hub leads, who have been mailed."
                        + " Please make sure someone acts on it now.");
        if (sent) {
            jdbc.sql("""
                            UPDATE voice.alert SET duty_notified_at = ?, duty_notices = duty_notices + 1
                            WHERE id = ? AND acknowledged_at IS NULL""").params(Timestamp.from(now), alert.id()).update();
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
        return jdbc.sql("""
                        SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(escalations), 0)
                               || ':' || coalesce(max(raised_at)::text, '') || ':' || coalesce(max(duty_notified_at)::text, '')
                        FROM voice.alert WHERE hub_id = ?""").param(hub.value()).query(String.class).single();
    }

    /** Open and recent alerts for a hub: its hub leads and safeguarding leads. Audited. */
    @Transactional
    public List<Alert> ofHub(HubId hub) {
        requireAlerts(hub);
        Set<UUID> readable = caseAccess.readable(jdbc.sql("""
                        SELECT DISTINCT f.case_id FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id
                        WHERE a.hub_id = ? AND f.case_id IS NOT NULL""")
                .param(hub.value())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list());
        List<Alert> alerts = jdbc.sql(SELECT
                        + " WHERE a.hub_id = ? ORDER BY a.acknowledged_at IS NULL DESC, a.raised_at DESC LIMIT 200")
                .param(hub.value())
                .query((rs, n) -> alert(rs, readable))
                .list();
        audit.record(
                AuditAction.VIEW,
                "alerts",
                hub.value(),
                hub,
                null,
                alerts.size() + " alerts: "
                        + alerts.stream().map(a -> a.id().toString()).toList());
        return alerts;
    }

    /** How many alerts wait for this person (hub lead or safeguarding lead), for the home page. */
    @Transactional(readOnly = true)
    public long waitingFor(CurrentUser user) {
        currentUsers.require();
        String[] hubs = user.hubs().stream()
                .filter(h -> mayHandle(user, h))
                .map(HubId::value)
                .toArray(String[]::new);
        if (hubs.length == 0) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM voice.alert WHERE hub_id = ANY (?) AND acknowledged_at IS NULL")
                .param(hubs)
                .query(Long.class)
                .single();
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
        int updated = jdbc.sql("""
                        UPDATE voice.alert SET acknowledged_at = ?, acknowledged_by = ?, action_taken = ?, version = version + 1
                        WHERE id = ? AND version = ? AND acknowledged_at IS NULL""")
                .params(Timestamp.from(clock.instant()), user.displayName(), actionTaken.strip(), alert, version)
                .update();
        if (updated == 0) {
            throw new ChangedBySomeoneElseException(new Message("voice.changed.alert"));
        }
        audit.record(AuditAction.ACKNOWLEDGE_ALERT, "alert", alert.toString(), hub, null, null);
    }

    /**
     * Opens a pseudonymous young person's sealed name: only a safeguarding lead of the hub, with a
     * reason, and it is recorded.
     */
    @Transactional
    public String unseal(UUID feedback, String reason) {
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = jdbc.sql("SELECT hub_id FROM voice.feedback WHERE id = ?")
                .param(feedback)
                .query(String.class)
                .optional()
                .map(HubId::new)
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
        String sealed = jdbc.sql("SELECT name, contact FROM voice.sealed_identity WHERE feedback_id = ?")
                .param(feedback)
                .query((rs, n) -> {
                    String contact = sealedIdentities.open(rs.getString(2));
                    return sealedIdentities.open(rs.getString(1)) + (contact == null ? "" : " (" + contact + ")");
                })
                .optional()
                .orElseThrow(() -> new ValidationException(
                        Map.of("reason", new Message("voice.problem.reason.feedback-has-no-sealed-name"))));
        jdbc.sql("INSERT INTO voice.unseal (id, feedback_id, unsealed_by, reason, unsealed_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), feedback, user.username(), reason.strip(), Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditAction.UNSEAL, "feedback", feedback.toString(), hub, reason.strip(), null);
        return sealed;
    }

    /** The borough's duty address that unacknowledged alerts reach last. Administrators. */
    @Transactional(readOnly = true)
    public DutyAddress dutyAddress() {
        currentUsers.requireAnyOf(Role.ADMIN);
        return jdbc.sql("SELECT value, version FROM voice.setting WHERE name = ?")
                .param(DUTY_ADDRESS)
                .query((rs, n) -> new DutyAddress(rs.getString(1), rs.getInt(2)))
                .optional()
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
        if (clean.isEmpty() || clean.length() > 200 || !validAddress(clean)) {
            throw new ValidationException(
                    Map.of("address", new Message("voice.problem.address.give-one-e-mail-address")));
        }
        int changed = version < 0
                ? jdbc.sql("""
                                INSERT INTO voice.setting (name, value, changed_by, changed_at) VALUES (?, ?, ?, ?)
                                ON CONFLICT (name) DO NOTHING""")
                        .params(DUTY_ADDRESS, clean, user.username(), Timestamp.from(clock.instant()))
                        .update()
                : jdbc.sql("""
                                UPDATE voice.setting SET value = ?, changed_by = ?, changed_at = ?, version = version + 1
                                WHERE name = ? AND version = ?""")
                        .params(clean, user.username(), Timestamp.from(clock.instant()), DUTY_ADDRESS, version)
                        .update();
        if (changed == 0) {
            throw new ChangedBySomeoneElseException(new Message("voice.changed.duty-address"));
        }
        audit.record(AuditAction.SET_DUTY_ADDRESS, "setting", DUTY_ADDRESS, null, null, clean);
    }

    private @Nullable String dutyAddressOrNull() {
        return jdbc.sql("SELECT value FROM voice.setting WHERE name = ?")
                .param(DUTY_ADDRESS)
                .query(String.class)
                .optional()
                .orElse(properties.configuredDutyAddress());
    }

    /** Whether this person sees and acknowledges the hub's alerts: its hub leads and safeguarding leads. */
    boolean mayHandle(CurrentUser user, HubId hub) {
        return user.hubs().contains(hub) && (user.has(Role.HUB_LEAD) || isSafeguardingLead(user, hub));
    }

    boolean isSafeguardingLead(CurrentUser user, HubId hub) {
        return user.hubs().contains(hub)
                && teams.safeguardingLeads(hub).stream()
                        .anyMatch(m -> m.username().equals(user.username()));
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
        return jdbc.sql("SELECT hub_id FROM voice.alert WHERE id = ?")
                .param(alert)
                .query(String.class)
                .optional()
                .map(HubId::new)
                .orElseThrow(() -> refused(AuditAction.ACKNOWLEDGE, "alert", alert, null, "No such alert"));
    }

    /**
     * Where to mail these people: a user name that is itself an e-mail address is used as it is,
     * others get the configured domain; anything that is not a valid address is left out and
     * logged, rather than failing the whole mail.
     */
    List<String> addresses(List<HubMember> people) {
        Set<String> to = new LinkedHashSet<>();
        for (HubMember m : people) {
            String address = m.username().contains("@") ? m.username() : m.username() + "@" + properties.domain();
            if (validAddress(address)) {
                to.add(address);
            } else {
                log.error("Cannot mail {}: {} is not a valid e-mail address", m.displayName(), address);
            }
        }
        return new ArrayList<>(to);
    }

    private static boolean validAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /**
     * Sends a mail; true only if it was handed to the mail server. Without a mail server or anyone
     * to mail, false (and logged). A failure of the server is thrown, for the caller to retry.
     */
    private boolean send(List<String> to, String subject, String text) {
        if (to.isEmpty()) {
            log.error("No one to mail for: {}", subject);
            return false;
        }
        if (mail.isEmpty()) {
            log.warn("No mail server configured (spring.mail.host): the alert is in the portal only: {}", subject);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.get().send(message);
            return true;
        } catch (MailException e) {
            throw new IllegalStateException("Could not mail the safeguarding alert; it will be tried again", e);
        }
    }

    private static final String SELECT = """
            SELECT a.id, a.feedback_id, a.hub_id, a.reasons, a.raised_at, a.mailed_to, a.acknowledged_at,
                   a.acknowledged_by, a.action_taken, a.escalated_at, f.mode, f.first_name, a.version, a.escalations,
                   a.duty_notified_at, f.over_limit, f.age_band, f.feel_safe, f.mood, f.helping, f.change, f.worker,
                   f.anything, i.kind, i.label, f.case_id
            FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id
            JOIN voice.invitation i ON i.id = f.invitation_id""";

    /**
     * An alert as its card shows it. A case invitation's label names the family: it is given only
     * when the case is among those whose family the reader may read now.
     */
    private static Alert alert(ResultSet rs, Set<UUID> readableCases) throws SQLException {
        String safe = rs.getString(18);
        int mood = rs.getInt(19);
        Integer moodOrNull = rs.wasNull() ? null : mood;
        InvitationKind kind = InvitationKind.valueOf(rs.getString(24));
        UUID caseId = rs.getObject(26, UUID.class);
        String source = kind != InvitationKind.CASE || (caseId != null && readableCases.contains(caseId))
                ? rs.getString(25)
                : null;
        return new Alert(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                new HubId(rs.getString(3)),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                instant(rs.getTimestamp(7)),
                rs.getString(8),
                rs.getString(9),
                instant(rs.getTimestamp(10)),
                Mode.valueOf(rs.getString(11)),
                rs.getString(12),
                rs.getInt(13),
                rs.getInt(14),
                instant(rs.getTimestamp(15)),
                rs.getBoolean(16),
                new Alert.Said(
                        AgeBand.valueOf(rs.getString(17)),
                        safe == null ? null : FeelSafe.valueOf(safe),
                        moodOrNull,
                        rs.getString(20),
                        rs.getString(21),
                        rs.getString(22),
                        rs.getString(23)),
                kind,
                source);
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
