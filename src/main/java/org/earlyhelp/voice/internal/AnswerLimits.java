package org.earlyhelp.voice.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.earlyhelp.shared.limits.ClientAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many answers came from one code or one network address in the last hour, to stop floods of
 * feedback. Counted in {@code voice.answer_count}, so that a limit holds however many instances
 * take answers. A code or address is kept only as a SHA-256 digest, and only for the hour it
 * counts in: {@link #forgetOld()} deletes what is older, so that a public form answered from many
 * addresses over months keeps nothing of them. (A digest of an IPv4 address can be reversed by
 * trying every address: it is kept for an hour, not published.) Two answers at the very same
 * moment from one address may both be counted in, which a brake on floods can bear.
 */
@Component
public final class AnswerLimits {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    public AnswerLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one more answer for the key if fewer than {@code perHour} came in the last hour. */
    public boolean allow(String key, int perHour) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        INSERT INTO voice.answer_count (key_digest, answered_at)
                        SELECT :key, :now WHERE (SELECT count(*) FROM voice.answer_count
                                                 WHERE key_digest = :key AND answered_at > :since
                                                   AND answered_at <= :now) < :per""")
                        .param("key", digest(key))
                        .param("now", Timestamp.from(now))
                        .param("since", Timestamp.from(now.minus(WINDOW)))
                        .param("per", perHour)
                        .update()
                == 1;
    }

    /** Whether one more answer for the key would be within {@code perHour}; counts nothing. */
    public boolean wouldAllow(String key, int perHour) {
        Instant now = clock.instant();
        return perHour > 0
                && jdbc.sql("""
                                SELECT count(*) FROM voice.answer_count
                                WHERE key_digest = ? AND answered_at > ? AND answered_at <= ?""")
                                .params(digest(key), Timestamp.from(now.minus(WINDOW)), Timestamp.from(now))
                                .query(Long.class)
                                .single()
                        < perHour;
    }

    /** Counts one answer for the key: called for answers that were accepted, and only them. */
    public void record(String key) {
        jdbc.sql("INSERT INTO voice.answer_count (key_digest, answered_at) VALUES (?, ?)")
                .params(digest(key), Timestamp.from(clock.instant()))
                .update();
    }

    /** The key under which an address is counted (see {@link ClientAddress#key}). */
    public static String addressKey(String address) {
        return ClientAddress.key(address);
    }

    /** Deletes what is older than an hour. */
    public void forgetOld() {
        jdbc.sql("DELETE FROM voice.answer_count WHERE answered_at <= ?")
                .param(Timestamp.from(clock.instant().minus(WINDOW)))
                .update();
    }

    /** What is kept of a key: its SHA-256 digest. */
    static String digest(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
