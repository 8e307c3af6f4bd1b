package org.earlyhelp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.earlyhelp.shared.events.FailsOnceListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The unit tests' application: every service and browserless test runs on it (the other
 * application of the unit tests is {@code HubDashboardTests}' module test). The demonstration
 * data is there, as in the application a person starts; on top of it:
 * <ul>
 *   <li>on a real port as in production: health and metrics on a management port of their own,
 *       127.0.0.2 listed as the HTTPS proxy whose forwarded headers are believed (127.0.0.1, where
 *       the tests' other requests come from, is not);
 *   <li>the audit trail sealed once an entry is a second old;
 *   <li>a young person's safeguarding alert escalates after 2 seconds without acknowledgement,
 *       again every 2 seconds, and to the duty address 2 seconds after that, looked for every half
 *       second;
 *   <li>a practitioner's safeguarding concern nobody has checked is reminded of 3 seconds after it
 *       was recorded (and again after the usual hour), looked for every half second; so the
 *       demonstration's own concern is left out, as its row would change in the background while
 *       tests compare the tables before and after what they do;
 *   <li>an event publication a second old and not complete is delivered again, every half second
 *       (with a listener that fails its first delivery of its own test event, {@link
 *       FailsOnceListener});
 *   <li>tracing on, sending to {@link TestTraceCollector}, but no request starts a trace of its
 *       own: only one whose caller's trace is sampled is traced (spans sent every 0.2 seconds).
 * </ul>
 * The tests share it, in no fixed order: each works on records of its own, or puts back what it
 * replaces ({@link SharedDataSnapshot} for the borough's areas and sufficiency's data, {@link
 * Caseloads} for room in a practitioner's caseload).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.2",
            "earlyhelp.audit.settle=PT1S",
            "earlyhelp.voice.acknowledge-within=PT2S",
            "earlyhelp.voice.escalate-again-every=PT2S",
            "earlyhelp.voice.duty-after=PT2S",
            "earlyhelp.voice.escalate-every=PT0.5S",
            "earlyhelp.referrals.concern-remind-after=PT3S",
            "earlyhelp.referrals.concern-remind-every=PT0.5S",
            "earlyhelp.demo.concern=false",
            "earlyhelp.events.retry-every=PT0.5S",
            "earlyhelp.events.retry-older-than=PT1S",
            "EARLYHELP_TRACING=true",
            "management.tracing.sampling.probability=0",
            "management.opentelemetry.tracing.export.schedule-delay=200ms"
        })
@Import(FailsOnceListener.class)
public @interface OwnDataApplicationTest {}
