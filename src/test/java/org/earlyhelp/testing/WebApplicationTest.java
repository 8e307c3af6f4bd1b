package org.earlyhelp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The unit tests' one application on a real port: the pages, with health and metrics on a
 * management port of their own as in production, 127.0.0.2 listed as the HTTPS proxy whose
 * forwarded headers are believed (127.0.0.1, where the tests' other requests come from, is not),
 * and no demonstration journeys, so that the figures a test reads are the ones it made. Every unit test that needs HTTP uses this same
 * configuration, so they share one application instead of starting one each.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.2",
            "earlyhelp.demo.journeys=false"
        })
public @interface WebApplicationTest {}
