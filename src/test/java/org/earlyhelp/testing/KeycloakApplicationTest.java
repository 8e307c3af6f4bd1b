package org.earlyhelp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.earlyhelp.browser.KeycloakTestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The browser and integration tests' second application: Keycloak mode, against the real Keycloak
 * ({@link KeycloakTestServer}, started once for each test JVM), on the one port Keycloak's portal client
 * may redirect to, so people sign in through Keycloak's own page. The demonstration hubs, services
 * and care returns, but no demonstration families, so that every figure a test reads is one it
 * made. Signing in through Keycloak ({@code KeycloakLoginIT}), the partner API (client-credentials
 * tokens from the school's client, and from one more listed client whose tokens name no API
 * audience), the hub dashboard, the care returns replaced, the Open Referral API and the database
 * outage share it; each makes its own data and leaves the application working, so the order they
 * run in does not matter.
 *
 * <p>As in production: health and metrics on a management port of their own, and 127.0.0.2 listed
 * as the HTTPS proxy whose forwarded headers are believed (a request from anywhere else cannot
 * claim another address). For the tests: a signed-in person's account is checked again every 2
 * seconds (30 by default), so that a test can see a person disabled in Keycloak lose access without
 * waiting; the Open Referral API allows 30 calls a minute from one address; and the database pool
 * gives up on a connection after 2 seconds, so that a database outage shows quickly.
 *
 * <p>The browser and integration tests run three classes at a time in one JVM; the classes of this
 * application hold its lock ({@link #APPLICATION}) while they run, so they take turns on it: the database
 * outage would otherwise fail another class's requests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ResourceLock(KeycloakApplicationTest.APPLICATION)
@ExtendWith(KeycloakApplicationTest.KeycloakFirst.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = KeycloakApplicationTest.KeycloakMode.class)
public @interface KeycloakApplicationTest {

    /** The lock the classes of this application hold while they run. */
    String APPLICATION = "earlyhelp.keycloak-application";

    /**
     * Starts Keycloak, if need be, before Spring loads the application: Spring loads one test
     * context at a time in a JVM, so Keycloak's start inside {@link KeycloakMode} would keep a
     * class of the other application, running beside, from loading its context for as long.
     */
    class KeycloakFirst implements TestInstancePreConstructCallback {
        @Override
        public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
            KeycloakTestServer.running();
        }
    }

    /** Starts Keycloak if need be and points the application at it. */
    class KeycloakMode implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            KeycloakTestServer keycloak = KeycloakTestServer.running();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "keycloak-mode",
                            Map.of(
                                    "server.port", Integer.toString(KeycloakTestServer.appPort()),
                                    "earlyhelp.access.recheck-every", "PT2S",
                                    "earlyhelp.keycloak.issuer-uri", keycloak.issuer(),
                                    "earlyhelp.keycloak.client-secret", "earlyhelp-portal-dev-secret",
                                    "earlyhelp.api.clients", "earlyhelp-partner-school,earlyhelp-partner-noaudience",
                                    "earlyhelp.demo.journeys", "false",
                                    "management.server.port", "0",
                                    "server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.2",
                                    "earlyhelp.open-referral.calls-per-minute", "30",
                                    "earlyhelp.db.connection-timeout-ms", "2000")));
        }
    }
}
