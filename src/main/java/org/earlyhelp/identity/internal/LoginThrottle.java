package org.earlyhelp.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on local accounts: after a number of failed sign-ins for one user
 * name within a window, that account refuses sign-in until the window has passed. The failures
 * are counted in {@code identity.login_failure}, so the brake holds across instances and
 * restarts; each row is kept only for the window it counts in.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    LoginThrottle(
            JdbcClient jdbc,
            @Value("${earlyhelp.login.max-failures:5}") int maxFailures,
            @Value("${earlyhelp.login.failure-window:PT10M}") Duration window,
            Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Whether this user name may try to sign in now. */
    public boolean allows(@Nullable String username) {
        long recent = jdbc.sql("SELECT count(*) FROM identity.login_failure WHERE username_key = ? AND failed_at > ?")
                .params(key(username), Timestamp.from(clock.instant().minus(window)))
                .query(Long.class)
                .single();
        return recent < maxFailures;
    }

    /** How long the window is, for the message people see. */
    public Duration window() {
        return window;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("DELETE FROM identity.login_failure WHERE username_key = ?")
                .param(key(event.getAuthentication().getName()))
                .update();
    }

    /** Counts one failed sign-in for the name, and forgets failures older than the window. */
    void recordFailure(@Nullable String username) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM identity.login_failure WHERE failed_at <= ?")
                .param(Timestamp.from(now.minus(window)))
                .update();
        jdbc.sql("INSERT INTO identity.login_failure (username_key, failed_at) VALUES (?, ?)")
                .params(key(username), Timestamp.from(now))
                .update();
    }

    private static String key(@Nullable String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
