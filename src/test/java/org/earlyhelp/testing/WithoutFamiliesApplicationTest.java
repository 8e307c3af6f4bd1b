package org.earlyhelp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The browser and integration tests' second application, for tests that must know every record
 * they read: the demonstration hubs, services and care returns, but no demonstration families, so
 * that every figure a test reads is one it made. On a real port as in production: health and
 * metrics on a management port of their own, 127.0.0.2 listed as the HTTPS proxy whose forwarded
 * headers are believed, the Open Referral API allowing 30 calls a minute from one address, and the
 * database pool giving up on a connection after 2 seconds, so that a database outage shows
 * quickly. The hub dashboard, the care returns replaced, the Open Referral API and the database
 * outage share it; each makes its own data and leaves the application working, so the order they
 * run in does not matter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "earlyhelp.demo.journeys=false",
            "management.server.port=0",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.2",
            "earlyhelp.open-referral.calls-per-minute=30",
            "earlyhelp.db.connection-timeout-ms=2000"
        })
public @interface WithoutFamiliesApplicationTest {}
