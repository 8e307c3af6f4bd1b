package org.earlyhelp.shared.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A limit holds across instances: two {@link RequestLimits}, as two instances of the application
 * would have, count against the same bucket in PostgreSQL.
 */
@OwnDataApplicationTest
class RequestLimitsTests {

    @Autowired
    DataSource dataSource;

    @Test
    void twoInstancesShareOneLimit() {
        RequestLimits first = new RequestLimits(dataSource);
        RequestLimits second = new RequestLimits(dataSource);
        RequestLimits.Limit limit = new RequestLimits.Limit("test-" + UUID.randomUUID(), 4, Duration.ofHours(1));
        assertThat(first.take(limit, "ipv4:192.0.2.1").allowed()).isTrue();
        assertThat(second.take(limit, "ipv4:192.0.2.1").allowed()).isTrue();
        assertThat(first.take(limit, "ipv4:192.0.2.1").allowed()).isTrue();
        assertThat(second.take(limit, "ipv4:192.0.2.1").allowed()).isTrue();
        RequestLimits.Decision fifth = first.take(limit, "ipv4:192.0.2.1");
        assertThat(fifth.allowed()).isFalse();
        // One call in four refills in a quarter of an hour.
        assertThat(fifth.retryAfter()).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(second.take(limit, "ipv4:192.0.2.1").allowed()).isFalse();
        assertThat(second.take(limit, "ipv4:192.0.2.2").allowed()).isTrue();
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(ClientAddress.key("2001:db8:1:2::1")).isEqualTo(ClientAddress.key("[2001:db8:1:2:ffff::9%eth0]"));
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
        assertThat(ClientAddress.key("192.0.2.7")).isEqualTo("ipv4:192.0.2.7");
    }
}
