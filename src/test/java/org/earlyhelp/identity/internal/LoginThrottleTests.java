package org.earlyhelp.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * The brake on password guessing holds across instances: failed sign-ins taken by two instances
 * count together, a success on either clears them, and failures older than the window no longer
 * count (nor are they kept).
 */
@OwnDataApplicationTest
class LoginThrottleTests {

    @Autowired
    JdbcClient jdbc;

    private LoginThrottle instance() {
        return new LoginThrottle(jdbc, 5, Duration.ofMinutes(10), Clock.systemUTC());
    }

    private static AuthenticationFailureBadCredentialsEvent failure(String name) {
        return new AuthenticationFailureBadCredentialsEvent(
                new UsernamePasswordAuthenticationToken(name, "wrong"), new BadCredentialsException("bad"));
    }

    @Test
    void failuresOnTwoInstancesCountTogetherAndASuccessClearsThem() {
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        LoginThrottle first = instance();
        LoginThrottle second = instance();
        first.failed(failure(name));
        second.failed(failure(name));
        first.failed(failure(name.toUpperCase()));
        second.failed(failure(" " + name));
        assertThat(first.allows(name)).isTrue();
        assertThat(second.allows(name)).isTrue();
        first.failed(failure(name));
        assertThat(first.allows(name)).isFalse();
        assertThat(second.allows(name)).as("the other instance counts them too").isFalse();
        assertThat(second.allows("someone-else")).isTrue();

        second.succeeded(new AuthenticationSuccessEvent(
                UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.NO_AUTHORITIES)));
        assertThat(first.allows(name)).isTrue();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCountAndAreForgotten() {
        String name = "old-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            jdbc.sql(
                            "INSERT INTO identity.login_failure (username_key, failed_at) VALUES (?, now() - interval '11 minutes')")
                    .param(name)
                    .update();
        }
        LoginThrottle throttle = instance();
        assertThat(throttle.allows(name)).isTrue();
        throttle.failed(failure("someone-" + UUID.randomUUID()));
        assertThat(jdbc.sql("SELECT count(*) FROM identity.login_failure WHERE username_key = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .as("rows older than the window are deleted")
                .isZero();
    }
}
