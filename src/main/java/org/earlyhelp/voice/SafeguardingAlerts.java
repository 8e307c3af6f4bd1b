package org.earlyhelp.voice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safeguarding alerts from feedback: raised at once for the hub's safeguarding leads, in the
 * portal and by e-mail; escalated to the hub lead when not acknowledged in time. Raising is driven
 * by the event saved with the feedback, so it happens exactly once even after a crash: a mail
 * that fails leaves the event incomplete and it is tried again, and the alert row is not doubled.
 */
@Service
public class SafeguardingAlerts {

    private static final Logger log = LoggerFactory.getLogger(SafeguardingAlerts.class);

    private final JdbcClient jdbc;
    private final HubTeams teams;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final VoiceProperties properties;
    private final Optional<JavaMailSender> mail;
    private final Clock clock;

    SafeguardingAlerts(
            JdbcClient jdbc,
            HubTeams teams,
            CurrentUsers currentUsers,
            AuditTrail audit,
            VoiceProperties properties,
            Optional<JavaMailSender> mail,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @ApplicationModuleListener
    void on(FeedbackReceived received) throws InterruptedException {
        if (received.safeguarding()) {
            // Zero except in the crash test, which kills the application while an alert waits here.
            Thread.sleep(properties.delayBeforeAlert().toMillis());
            raise(received);
        }
    }

    /** Raises the alert for this feedback, once; mails the hub's safeguarding leads. */
    @Transactional
    void raise(FeedbackReceived received) {
        List<HubMember> leads = teams.safeguardingLeads(received.hub());
        String to = leads.stream()
                .map(m -> m.username() + "@" + properties.domain())
                .collect(Collectors.joining(", "));
        int inserted = jdbc.sql("""
                        INSERT INTO voice.alert (id, feedback_id, hub_id, reasons, raised_at, mailed_to)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feedback_id) DO NOTHING""")
                .params(
                        UUID.randomUUID(),
                        received.feedback(),
                        received.hub().value(),
                        received.concerns() == null ? "safeguarding" : received.concerns(),
                        Timestamp.from(clock.instant()),
                        to)
                .update();
        if (inserted == 0) {
            return;
        }
        audit.record(
                "raise-alert", "feedback", received.feedback().toString(), received.hub(), null, received.concerns());
        send(
                leads.stream()
                        .map(m -> m.username() + "@" + properties.domain())
                        .toList(),
                "Safeguarding alert: feedback in the " + received.hub().value() + " hub",
                "A young person's feedback needs a safeguarding lead now.\n\nWhy: " + received.concerns()
                        + "\n\nOpen the alerts page in Early Help to read it and record what you did."
                        + " The feedback itself is not in this e-mail.");
    }

    /** Unacknowledged alerts past their time go to the hub lead as well; every minute. */
    @Scheduled(fixedDelayString = "${earlyhelp.voice.escalate-every:PT1M}")
    @Transactional
    public void escalate() {
        Instant cutoff = clock.instant().minus(properties.acknowledge());
        List<Map.Entry<UUID, String>> late = jdbc.sql("""
                        UPDATE voice.alert SET escalated_at = ? WHERE acknowledged_at IS NULL AND escalated_at IS NULL
                          AND raised_at < ? RETURNING id, hub_id""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(cutoff))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        for (Map.Entry<UUID, String> alert : late) {
            HubId hub = new HubId(alert.getValue());
            List<String> to = teams.safeguardingLeads(hub).stream()
                    .filter(HubMember::hubLead)
                    .map(m -> m.username() + "@" + properties.domain())
                    .toList();
            log.warn(
                    "Safeguarding alert {} in {} not acknowledged within {}: escalated",
                    alert.getKey(),
                    hub,
                    properties.acknowledge());
            send(
                    to,
                    "ESCALATED safeguarding alert in the " + hub.value() + " hub",
                    "A safeguarding alert has not been acknowledged within "
                            + properties.acknowledge().toMinutes()
                            + " minutes. Open the alerts page in Early Help now.");
        }
    }

    /** Open and recent alerts for a hub: its safeguarding leads and hub leads. */
    @Transactional(readOnly = true)
    public List<Alert> ofHub(HubId hub) {
        requireSafeguarding(hub);
        return jdbc.sql(SELECT
                        + " WHERE a.hub_id = ? ORDER BY a.acknowledged_at IS NULL DESC, a.raised_at DESC LIMIT 200")
                .param(hub.value())
                .query(SafeguardingAlerts::alert)
                .list();
    }

    /** How many alerts wait for this person, for the home page. */
    @Transactional(readOnly = true)
    public long waitingFor(CurrentUser user) {
        currentUsers.require();
        String[] hubs = user.hubs().stream()
                .filter(h -> isSafeguardingLead(user, h))
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

    /** Records that a safeguarding lead has the alert in hand and what they did. */
    @Transactional
    public void acknowledge(UUID alert, int version, String actionTaken) {
        // The role first: nobody learns whether an alert exists before being allowed to ask.
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        HubId hub = hubOf(alert);
        CurrentUser user = requireSafeguarding(hub);
        if (actionTaken == null || actionTaken.isBlank() || actionTaken.length() > 2000) {
            throw new ValidationException(Map.of("action", "Record what you did, or are doing, to keep them safe."));
        }
        int updated = jdbc.sql("""
                        UPDATE voice.alert SET acknowledged_at = ?, acknowledged_by = ?, action_taken = ?, version = version + 1
                        WHERE id = ? AND version = ? AND acknowledged_at IS NULL""")
                .params(Timestamp.from(clock.instant()), user.displayName(), actionTaken.strip(), alert, version)
                .update();
        if (updated == 0) {
            throw new ChangedBySomeoneElseException("This alert");
        }
        audit.record("acknowledge-alert", "alert", alert.toString(), hub, null, null);
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
                .orElseThrow(() -> new AccessDeniedException("No such feedback"));
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        if (!isSafeguardingLead(user, hub)) {
            throw new AccessDeniedException("Only a safeguarding lead of the hub can unseal a name");
        }
        if (reason == null || reason.strip().length() < 10 || reason.length() > 1000) {
            throw new ValidationException(
                    Map.of("reason", "Say why you need to know who this is (at least a sentence)."));
        }
        String sealed = jdbc.sql(
                        "SELECT name || coalesce(' (' || contact || ')', '') FROM voice.sealed_identity WHERE feedback_id = ?")
                .param(feedback)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new ValidationException(Map.of("reason", "This feedback has no sealed name.")));
        jdbc.sql("INSERT INTO voice.unseal (id, feedback_id, unsealed_by, reason, unsealed_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), feedback, user.username(), reason.strip(), Timestamp.from(clock.instant()))
                .update();
        audit.record("unseal", "feedback", feedback.toString(), hub, reason.strip(), null);
        return sealed;
    }

    boolean isSafeguardingLead(CurrentUser user, HubId hub) {
        return user.hubs().contains(hub)
                && teams.safeguardingLeads(hub).stream()
                        .anyMatch(m -> m.username().equals(user.username()));
    }

    private CurrentUser requireSafeguarding(HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        if (!isSafeguardingLead(user, hub)) {
            throw new AccessDeniedException("Only the hub's safeguarding leads see its alerts");
        }
        return user;
    }

    private HubId hubOf(UUID alert) {
        return jdbc.sql("SELECT hub_id FROM voice.alert WHERE id = ?")
                .param(alert)
                .query(String.class)
                .optional()
                .map(HubId::new)
                .orElseThrow(() -> new AccessDeniedException("No such alert"));
    }

    private void send(List<String> to, String subject, String text) {
        if (to.isEmpty()) {
            log.error("No safeguarding lead to mail for: {}", subject);
            return;
        }
        if (mail.isEmpty()) {
            log.warn("No mail server configured (spring.mail.host): the alert is in the portal only: {}", subject);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.get().send(message);
        } catch (MailException e) {
            // Failing here rolls the alert back and leaves the event incomplete: it is raised again.
            throw new IllegalStateException("Could not mail the safeguarding alert; it will be tried again", e);
        }
    }

    private static final String SELECT = """
            SELECT a.id, a.feedback_id, a.hub_id, a.reasons, a.raised_at, a.mailed_to, a.acknowledged_at,
                   a.acknowledged_by, a.action_taken, a.escalated_at, f.mode, f.first_name, a.version
            FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id""";

    private static Alert alert(ResultSet rs, int n) throws SQLException {
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
                rs.getInt(13));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
