package org.earlyhelp.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on local accounts: after a number of failed sign-ins for one user
 * name within a window, that account refuses sign-in until the window has passed. Kept in memory:
 * a restart clears it, which is acceptable for a brake on guessing (not a lock-out policy).
 */
@Component
public class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(
            @Value("${earlyhelp.login.max-failures:5}") int maxFailures,
            @Value("${earlyhelp.login.failure-window:PT10M}") Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = Clock.systemUTC();
    }

    /** Whether this user name may try to sign in now. */
    public boolean allows(String username) {
        Deque<Instant> recent = failures.get(key(username));
        if (recent == null) {
            return true;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() < maxFailures;
        }
    }

    /** How long the window is, for the message people see. */
    public Duration window() {
        return window;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Deque<Instant> recent =
                failures.computeIfAbsent(key(event.getAuthentication().getName()), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.pollFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
