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
 * The integration tests' application for the partner API in Keycloak mode, against the real
 * Keycloak ({@link KeycloakTestServer}, started once for the run): the API takes client-credentials
 * tokens from the school's client (and from one more listed client whose tokens name no API
 * audience). The demonstration hubs and services, no demonstration families. The partner API's
 * tests share this one application. (Signing in through Keycloak's page in a browser, {@code
 * KeycloakLoginIT}, has an application of its own on the one port Keycloak's portal client may
 * redirect to.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
                                    "earlyhelp.keycloak.issuer-uri", keycloak.issuer(),
                                    "earlyhelp.keycloak.client-secret", "earlyhelp-portal-dev-secret",
                                    "earlyhelp.api.clients", "earlyhelp-partner-school,earlyhelp-partner-noaudience",
                                    "earlyhelp.demo.journeys", "false")));
        }
    }
}
