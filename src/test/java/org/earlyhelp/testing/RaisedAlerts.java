package org.earlyhelp.testing;

import java.util.List;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Safeguarding alerts written straight into the tables, for tests of what the alerts page does with them. */
public final class RaisedAlerts {

    private RaisedAlerts() {}

    /**
     * Anonymous teenagers' answers that said "not safe" through the invitation, each with its
     * alert, raised {@code ahead} (an SQL interval, such as "1 hour") from now; over the hourly
     * limits or not. The answers' ids.
     */
    public static List<UUID> raise(
            JdbcClient jdbc, UUID invitation, HubId hub, int count, boolean overLimit, String ahead) {
        List<UUID> feedback = jdbc.sql("""
                        INSERT INTO voice.feedback (id, invitation_id, hub_id, age_band, mode, feel_safe, safeguarding,
                          submitted_at, over_limit)
                        SELECT gen_random_uuid(), ?, ?, 'TEEN', 'ANONYMOUS', 'NO', true, now() + CAST(? AS interval), ?
                        FROM generate_series(1, ?) RETURNING id""")
                .params(invitation, hub.value(), ahead, overLimit, count)
                .query(UUID.class)
                .list();
        jdbc.sql("""
                        INSERT INTO voice.alert (id, feedback_id, hub_id, reasons, raised_at)
                        SELECT gen_random_uuid(), id, hub_id, 'feel-safe-no', submitted_at FROM voice.feedback
                        WHERE id = ANY (?)""").param(feedback.toArray(UUID[]::new)).update();
        return feedback;
    }
}
