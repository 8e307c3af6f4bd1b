package org.earlyhelp.voice.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Young people's sealed names and ways to reach them, encrypted at rest ({@link Sealing}) with
 * the keys in {@code earlyhelp.voice.sealing-keys} ({@code EARLYHELP_VOICE_SEALINGKEYS}), never
 * in the database. At every start, values sealed under an older key (or never sealed) are sealed
 * again under the current one: to rotate, put the new key first, start, then remove the old one.
 */
@Component
public class SealedIdentities {

    private static final Logger log = LoggerFactory.getLogger(SealedIdentities.class);

    private final JdbcClient jdbc;
    private final Sealing sealing;

    SealedIdentities(
            JdbcClient jdbc, @Value("${earlyhelp.voice.sealing-keys:" + Sealing.DEVELOPMENT_KEYS + "}") String keys) {
        this.jdbc = jdbc;
        this.sealing = new Sealing(keys);
    }

    public @Nullable String seal(@Nullable String plain) {
        return sealing.seal(plain);
    }

    public @Nullable String open(@Nullable String stored) {
        return sealing.open(stored);
    }

    /** Seals again every value not sealed under the current key; returns how many. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public int resealStale() {
        record Row(UUID feedback, String name, @Nullable String contact) {}
        int resealed = 0;
        for (Row row : jdbc.sql("SELECT feedback_id, name, contact FROM voice.sealed_identity")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list()) {
            if (sealing.stale(row.name()) || sealing.stale(row.contact())) {
                jdbc.sql("UPDATE voice.sealed_identity SET name = ?, contact = ? WHERE feedback_id = ?")
                        .params(seal(open(row.name())), seal(open(row.contact())), row.feedback())
                        .update();
                resealed++;
            }
        }
        record Told(UUID feedback, UUID response, String contact) {}
        List<Told> told = jdbc.sql("SELECT feedback_id, response_id, contact FROM voice.to_tell")
                .query((rs, n) -> new Told(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
        for (Told t : told) {
            if (sealing.stale(t.contact())) {
                jdbc.sql("UPDATE voice.to_tell SET contact = ? WHERE feedback_id = ? AND response_id = ?")
                        .params(seal(open(t.contact())), t.feedback(), t.response())
                        .update();
                resealed++;
            }
        }
        if (resealed > 0) {
            log.info("Sealed {} young people's names and contacts again under key {}", resealed, sealing.currentKey());
        }
        return resealed;
    }
}
