package org.earlyhelp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.earlyhelp.browser.KeycloakTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The integration tests' application in Keycloak mode, against the real Keycloak ({@link
 * KeycloakTestServer}, started once for the run), on the one port Keycloak's portal client may
 * redirect to: signing in through Keycloak's page in a browser ({@code KeycloakLoginIT}), and the
 * partner API, which takes client-credentials tokens from the school's client (and from one more
 * listed client whose tokens name no API audience). The demonstration hubs and services, no
 * demonstration families. A signed-in person's account is checked again every 2 seconds (30 by
 * default), so that a test can see a person disabled in Keycloak lose access without waiting.
 * These tests share this one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = KeycloakApplicationTest.KeycloakMode.class)
public @interface KeycloakApplicationTest {

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
                                    "earlyhelp.demo.journeys", "false")));
        }
    }
}
