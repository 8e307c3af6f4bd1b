package org.earlyhelp.voice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.Alert;
import org.earlyhelp.voice.AlertFlood;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Mode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Safeguarding alerts as stored: raising, mailing, escalating and acknowledging them, the sealed
 * names an alert may need opened, and the borough's duty address. Who may do what is checked by
 * {@link org.earlyhelp.voice.SafeguardingAlerts}, which alone uses this.
 */
@Repository
public class AlertRepository {

    /** The setting an administrator keeps: the borough's duty address. */
    public static final String DUTY_ADDRESS = "duty-address";

    /** An alert nobody has acknowledged yet, with when it was last escalated and told to the duty address. */
    public record Late(
            UUID id,
            HubId hub,
            Instant raisedAt,
            @Nullable Instant lastEscalated,
            @Nullable Instant dutyNotified) {}

    /** A sealed name and contact, still sealed. */
    public record Sealed(String name, @Nullable String contact) {}

    /** The duty address as set in the portal, with its version. */
    public record DutySetting(String address, int version) {}

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves an alert for the feedback; false when the feedback has one already. */
    public boolean insert(UUID id, UUID feedback, HubId hub, String reasons, Instant at) {
        return jdbc.sql("""
                        INSERT INTO voice.alert (id, feedback_id, hub_id, reasons, raised_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (feedback_id) DO NOTHING""")
                        .params(id, feedback, hub.value(), reasons, Timestamp.from(at))
                        .update()
                == 1;
    }

    public boolean mailed(UUID alert) {
        return jdbc.sql("SELECT mailed_at IS NOT NULL FROM voice.alert WHERE id = ?")
                .param(alert)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Whether the alert's answer came over the hourly limits; if so, waits for any other mail of
     * such an alert in the hub to finish (a lock held to the end of the transaction), so that they
     * are counted one after another.
     */
    public boolean overLimitInTurn(UUID alert, HubId hub) {
        boolean overLimit =
                jdbc.sql("""
                        SELECT f.over_limit FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id
                        WHERE a.id = ?""").param(alert).query(Boolean.class).optional().orElse(false);
        if (overLimit) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                    .param("voice.flood-mail:" + hub.value())
                    .query((rs, n) -> 1)
                    .single();
        }
        return overLimit;
    }

    /** How many of the hub's alerts from answers over the hourly limits were mailed since then. */
    public long overLimitMailedSince(HubId hub, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id
                        WHERE a.hub_id = ? AND f.over_limit AND a.mailed_at >= ?""")
                .params(hub.value(), Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    public void markMailed(UUID alert, String to, Instant at) {
        jdbc.sql("UPDATE voice.alert SET mailed_to = ?, mailed_at = ? WHERE id = ?")
                .params(to, Timestamp.from(at), alert)
                .update();
    }

    /** Alerts not acknowledged and raised before this instant, oldest first. */
    public List<Late> unacknowledgedSince(Instant before) {
        return jdbc.sql("""
                        SELECT id, hub_id, raised_at, last_escalated_at, duty_notified_at FROM voice.alert
                        WHERE acknowledged_at IS NULL AND raised_at < ? ORDER BY raised_at""")
                .param(Timestamp.from(before))
                .query((rs, n) -> new Late(
                        rs.getObject(1, UUID.class),
                        new HubId(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))))
                .list();
    }

    /** Records a mail to the hub's leads on these alerts, except those someone acknowledged meanwhile. */
    public void markEscalated(List<UUID> alerts, String to, Instant at) {
        jdbc.sql("""
                        UPDATE voice.alert SET escalations = escalations + 1, last_escalated_at = ?,
                          escalated_at = coalesce(escalated_at, ?), escalated_to = ?
                        WHERE id = ANY (?) AND acknowledged_at IS NULL""")
                .params(Timestamp.from(at), Timestamp.from(at), to, alerts.toArray(UUID[]::new))
                .update();
    }

    /** Records a mail to the duty address on these alerts, except those someone acknowledged meanwhile. */
    public void markDutyNotified(List<UUID> alerts, Instant at) {
        jdbc.sql("""
                        UPDATE voice.alert SET duty_notified_at = ?, duty_notices = duty_notices + 1
                        WHERE id = ANY (?) AND acknowledged_at IS NULL""").params(Timestamp.from(at), alerts.toArray(UUID[]::new)).update();
    }

    /** A marker that changes whenever the hub's alerts are raised, acknowledged, escalated or erased. */
    public String changeMarker(HubId hub) {
        return jdbc.sql("""
                        SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(escalations), 0)
                               || ':' || coalesce(max(raised_at)::text, '') || ':' || coalesce(max(duty_notified_at)::text, '')
                        FROM voice.alert WHERE hub_id = ?""").param(hub.value()).query(String.class).single();
    }

    /** The cases whose feedback raised the hub's alerts. */
    public List<UUID> casesWithAlerts(HubId hub) {
        return jdbc.sql("""
                        SELECT DISTINCT f.case_id FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id
                        WHERE a.hub_id = ? AND f.case_id IS NOT NULL""")
                .param(hub.value())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    /**
     * The hub's alerts, at most {@code limit}: those not acknowledged first, and of those the ones
     * that came within the hourly limits before those that came over them (a flood), then the
     * newest; a case invitation's label only for the cases given as readable.
     */
    public List<Alert> ofHub(HubId hub, Set<UUID> readableCases, int limit) {
        return jdbc.sql(SELECT + "\n" + """
                         WHERE a.hub_id = ?
                         ORDER BY a.acknowledged_at IS NULL DESC, (a.acknowledged_at IS NULL AND f.over_limit),
                           a.raised_at DESC, a.id
                         LIMIT ?""")
                .param(hub.value())
                .param(limit)
                .query((rs, n) -> alert(rs, readableCases))
                .list();
    }

    /** How many alerts of these hubs nobody has acknowledged. */
    public long waiting(List<HubId> hubs) {
        if (hubs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM voice.alert WHERE hub_id = ANY (?) AND acknowledged_at IS NULL")
                .param(hubs.stream().map(HubId::value).toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** Acknowledges an alert; false if someone else changed or acknowledged it since it was read. */
    public boolean acknowledge(UUID alert, int version, String by, String actionTaken, Instant at) {
        return jdbc.sql("""
                        UPDATE voice.alert SET acknowledged_at = ?, acknowledged_by = ?, action_taken = ?, version = version + 1
                        WHERE id = ? AND version = ? AND acknowledged_at IS NULL""")
                        .params(Timestamp.from(at), by, actionTaken, alert, version)
                        .update()
                == 1;
    }

    /**
     * The hub's open alerts that came over the hourly limits, by the group or campaign invitation
     * they came through (never one child's), the largest flood first.
     */
    public List<AlertFlood> floods(HubId hub, Instant now) {
        return jdbc.sql("""
                        SELECT i.id, i.label, i.kind, count(*), min(a.raised_at), max(a.raised_at), i.expires_at > ?
                        FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id
                        JOIN voice.invitation i ON i.id = f.invitation_id
                        WHERE a.hub_id = ? AND a.acknowledged_at IS NULL AND f.over_limit AND i.kind <> 'CASE'
                        GROUP BY i.id, i.label, i.kind, i.expires_at ORDER BY count(*) DESC, i.label, i.id""")
                .params(Timestamp.from(now), hub.value())
                .query((rs, n) -> new AlertFlood(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        InvitationKind.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7)))
                .list();
    }

    /**
     * Acknowledges, with the one action given, the hub's open alerts that came over the hourly
     * limits through the invitation (a group's or a campaign's) and were raised by {@code through};
     * the ids of those it acknowledged.
     */
    public List<UUID> setAside(HubId hub, UUID invitation, Instant through, String by, String actionTaken, Instant at) {
        return jdbc.sql("""
                        UPDATE voice.alert a SET acknowledged_at = ?, acknowledged_by = ?, action_taken = ?,
                                                 version = a.version + 1
                        FROM voice.feedback f JOIN voice.invitation i ON i.id = f.invitation_id
                        WHERE f.id = a.feedback_id AND a.hub_id = ? AND f.invitation_id = ? AND a.acknowledged_at IS NULL
                          AND f.over_limit AND i.kind <> 'CASE' AND a.raised_at <= ?
                        RETURNING a.id""")
                .params(Timestamp.from(at), by, actionTaken, hub.value(), invitation, Timestamp.from(through))
                .query(UUID.class)
                .list();
    }

    public Optional<HubId> hubOfAlert(UUID alert) {
        return jdbc.sql("SELECT hub_id FROM voice.alert WHERE id = ?")
                .param(alert)
                .query(String.class)
                .optional()
                .map(HubId::new);
    }

    public Optional<HubId> hubOfFeedback(UUID feedback) {
        return jdbc.sql("SELECT hub_id FROM voice.feedback WHERE id = ?")
                .param(feedback)
                .query(String.class)
                .optional()
                .map(HubId::new);
    }

    public Optional<Sealed> sealedIdentity(UUID feedback) {
        return jdbc.sql("SELECT name, contact FROM voice.sealed_identity WHERE feedback_id = ?")
                .param(feedback)
                .query((rs, n) -> new Sealed(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public void recordUnseal(UUID feedback, String by, String reason, Instant at) {
        jdbc.sql("INSERT INTO voice.unseal (id, feedback_id, unsealed_by, reason, unsealed_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), feedback, by, reason, Timestamp.from(at))
                .update();
    }

    public Optional<DutySetting> dutyAddress() {
        return jdbc.sql("SELECT value, version FROM voice.setting WHERE name = ?")
                .param(DUTY_ADDRESS)
                .query((rs, n) -> new DutySetting(rs.getString(1), rs.getInt(2)))
                .optional();
    }

    /**
     * Sets the duty address: the first time ({@code version < 0}) only if nobody set it meanwhile,
     * after that only over the version read. False when someone else changed it.
     */
    public boolean setDutyAddress(String address, int version, String by, Instant at) {
        int changed = version < 0
                ? jdbc.sql("""
                                INSERT INTO voice.setting (name, value, changed_by, changed_at) VALUES (?, ?, ?, ?)
                                ON CONFLICT (name) DO NOTHING""")
                        .params(DUTY_ADDRESS, address, by, Timestamp.from(at))
                        .update()
                : jdbc.sql("""
                                UPDATE voice.setting SET value = ?, changed_by = ?, changed_at = ?, version = version + 1
                                WHERE name = ? AND version = ?""")
                        .params(address, by, Timestamp.from(at), DUTY_ADDRESS, version)
                        .update();
        return changed == 1;
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
