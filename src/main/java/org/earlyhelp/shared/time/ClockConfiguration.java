package org.earlyhelp.shared.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Services, jobs and pages take it by injection and never ask
 * the system for the time themselves (an architecture rule holds them to it), so that a test can
 * put the whole application at a chosen moment by replacing this one bean (Spring's
 * {@code @TestBean(name = "clock")}).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** Coordinated universal time: instants are stored as such; pages show them in the person's zone. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
