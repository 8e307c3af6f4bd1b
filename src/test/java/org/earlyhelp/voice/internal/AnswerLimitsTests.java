package org.earlyhelp.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.testing.MovingClock;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The flood limits on feedback: per hour, held in PostgreSQL so that two instances count
 * together, keeping only a digest of each code and address, and nothing for longer than the hour.
 */
@OwnDataApplicationTest
class AnswerLimitsTests {

    @Autowired
    JdbcClient jdbc;

    /** Each test's own addresses, so that tests sharing the database do not count each other's. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private long rowsFor(String key) {
        return jdbc.sql("SELECT count(*) FROM voice.answer_count WHERE key_digest = ?")
                .param(AnswerLimits.digest(key))
                .query(Long.class)
                .single();
    }

    @Test
    void anHoursAnswersAreCountedAndTheOldestMakeRoomAsTheHourMovesOn() {
        MovingClock clock = new MovingClock(Instant.parse("2026-11-26T09:00:00Z"));
        AnswerLimits limits = new AnswerLimits(jdbc, clock);
        AnswerLimits otherInstance = new AnswerLimits(jdbc, clock);
        String one = "address:" + run + ":192.0.2.1";
        assertThat(limits.allow(one, 3)).isTrue();
        clock.pass(Duration.ofMinutes(20));
        assertThat(otherInstance.allow(one, 3)).isTrue();
        assertThat(limits.wouldAllow(one, 3)).isTrue();
        assertThat(limits.allow(one, 3)).isTrue();
        assertThat(otherInstance.wouldAllow(one, 3))
                .as("the other instance counts the three too")
                .isFalse();
        assertThat(limits.allow(one, 3)).as("a fourth within the hour").isFalse();
        assertThat(limits.allow("address:" + run + ":192.0.2.2", 3))
                .as("another address has its own count")
                .isTrue();
        // 61 minutes after the first: that one no longer counts, the two later ones still do.
        clock.pass(Duration.ofMinutes(41));
        assertThat(limits.allow(one, 3)).isTrue();
        assertThat(limits.allow(one, 3)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM voice.answer_count WHERE key_digest LIKE ?")
                        .param("%" + run + "%")
                        .query(Long.class)
                        .single())
                .as("only digests are kept, never the address")
                .isZero();
    }

    @Test
    void addressesWithNothingInTheLastHourAreForgotten() {
        MovingClock clock = new MovingClock(Instant.parse("2026-11-26T09:00:00Z"));
        AnswerLimits limits = new AnswerLimits(jdbc, clock);
        for (int i = 0; i < 100; i++) {
            limits.record("address:" + run + ":198.51." + i / 250 + "." + i % 250);
        }
        String address = "address:" + run + ":198.51.0.7";
        String code = "code:" + run + ":ABCD-EFGH";
        clock.pass(Duration.ofMinutes(30));
        limits.allow(code, 600);
        limits.forgetOld();
        assertThat(rowsFor(address)).as("all within the hour").isEqualTo(1);
        assertThat(rowsFor(code)).isEqualTo(1);
        clock.pass(Duration.ofMinutes(31));
        limits.forgetOld();
        assertThat(rowsFor(address))
                .as("the address answered 61 minutes ago is forgotten")
                .isZero();
        assertThat(rowsFor(code)).as("the code answered 31 minutes ago is kept").isEqualTo(1);
        clock.pass(Duration.ofMinutes(30));
        limits.forgetOld();
        assertThat(rowsFor(code)).isZero();
        assertThat(limits.allow(code, 1)).as("a fresh count after forgetting").isTrue();
    }
}
