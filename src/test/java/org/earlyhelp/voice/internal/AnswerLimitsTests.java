package org.earlyhelp.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The flood limits on feedback: per hour, and nothing remembered for ever. */
class AnswerLimitsTests {

    /** A clock the test moves on. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T09:00:00Z");

        void pass(Duration time) {
            now = now.plus(time);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anHoursAnswersAreCountedAndTheOldestMakeRoomAsTheHourMovesOn() {
        TestClock clock = new TestClock();
        AnswerLimits limits = new AnswerLimits(clock);
        assertThat(limits.allow("address:192.0.2.1", 3)).isTrue();
        clock.pass(Duration.ofMinutes(20));
        assertThat(limits.allow("address:192.0.2.1", 3)).isTrue();
        assertThat(limits.allow("address:192.0.2.1", 3)).isTrue();
        assertThat(limits.allow("address:192.0.2.1", 3))
                .as("a fourth within the hour")
                .isFalse();
        assertThat(limits.allow("address:192.0.2.2", 3))
                .as("another address has its own count")
                .isTrue();
        // 61 minutes after the first: that one no longer counts, the two later ones still do.
        clock.pass(Duration.ofMinutes(41));
        assertThat(limits.allow("address:192.0.2.1", 3)).isTrue();
        assertThat(limits.allow("address:192.0.2.1", 3)).isFalse();
    }

    @Test
    void addressesWithNothingInTheLastHourAreForgotten() {
        TestClock clock = new TestClock();
        AnswerLimits limits = new AnswerLimits(clock);
        for (int i = 0; i < 1_000; i++) {
            limits.allow("address:198.51." + i / 250 + "." + i % 250, 120);
        }
        clock.pass(Duration.ofMinutes(30));
        limits.allow("code:ABCD-EFGH", 600);
        assertThat(limits.remembered()).isEqualTo(1_001);
        limits.forgetOld();
        assertThat(limits.remembered()).as("all within the hour").isEqualTo(1_001);
        clock.pass(Duration.ofMinutes(31));
        limits.forgetOld();
        assertThat(limits.remembered())
                .as("only the code answered 31 minutes ago")
                .isEqualTo(1);
        clock.pass(Duration.ofMinutes(30));
        limits.forgetOld();
        assertThat(limits.remembered()).isZero();
        assertThat(limits.allow("code:ABCD-EFGH", 1))
                .as("a fresh count after forgetting")
                .isTrue();
    }
}
