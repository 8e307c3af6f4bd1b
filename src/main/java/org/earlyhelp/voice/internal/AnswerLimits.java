package org.earlyhelp.voice.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.earlyhelp.shared.limits.ClientAddress;

/**
 * How many answers came from one code or one network address in the last hour, to stop floods of
 * feedback. Kept in memory only, never stored. Keys with nothing in the last hour are forgotten
 * (see {@link #forgetOld()}), so that a public form answered from many addresses over months does
 * not keep one entry for each address for ever.
 */
public final class AnswerLimits {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public AnswerLimits(Clock clock) {
        this.clock = clock;
    }

    /** Counts one more answer for the key if fewer than {@code perHour} came in the last hour. */
    public boolean allow(String key, int perHour) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        boolean[] allowed = {false};
        // Atomic for the key: no answer is lost between counting and a concurrent forgetting.
        recent.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            while (!kept.isEmpty() && kept.peekFirst().isBefore(since)) {
                kept.pollFirst();
            }
            if (kept.size() < perHour) {
                kept.addLast(now);
                allowed[0] = true;
            }
            return kept;
        });
        return allowed[0];
    }

    /** Whether one more answer for the key would be within {@code perHour}; counts nothing. */
    public boolean wouldAllow(String key, int perHour) {
        Instant since = clock.instant().minus(WINDOW);
        boolean[] allowed = {perHour > 0};
        // Under the key's lock, as every change to its times is.
        recent.computeIfPresent(key, (k, times) -> {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            allowed[0] = times.size() < perHour;
            return times.isEmpty() ? null : times;
        });
        return allowed[0];
    }

    /** Counts one answer for the key: called for answers that were accepted, and only them. */
    public void record(String key) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        recent.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            while (!kept.isEmpty() && kept.peekFirst().isBefore(since)) {
                kept.pollFirst();
            }
            kept.addLast(now);
            return kept;
        });
    }

    /** The key under which an address is counted (see {@link ClientAddress#key}). */
    public static String addressKey(String address) {
        return ClientAddress.key(address);
    }

    /** Drops what is older than an hour, and the keys left with nothing. */
    public void forgetOld() {
        Instant since = clock.instant().minus(WINDOW);
        for (String key : recent.keySet()) {
            recent.computeIfPresent(key, (k, times) -> {
                while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                    times.pollFirst();
                }
                return times.isEmpty() ? null : times;
            });
        }
    }

    /** How many codes and addresses are remembered now. */
    public int remembered() {
        return recent.size();
    }
}
