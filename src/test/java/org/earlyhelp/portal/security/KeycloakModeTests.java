package org.earlyhelp.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.earlyhelp.EarlyHelpApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Keycloak mode starts while Keycloak is down, says so plainly, and refuses a malformed issuer. */
class KeycloakModeTests {

    @Test
    void thePortalStartsWhileKeycloakIsDownAndSaysSoAtSignIn() throws Exception {
        int keycloakPort = freePort();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EarlyHelpApplication.class)
                .run(
                        "--server.port=0",
                        "--earlyhelp.keycloak.issuer-uri=http://localhost:" + keycloakPort + "/realms/earlyhelp",
                        "--earlyhelp.keycloak.client-secret=secret")) {
            KeycloakStatus status = context.getBean(KeycloakStatus.class);
            assertThat(status.problem())
                    .hasValueSatisfying(p -> assertThat(p.what()).isEqualTo("unreachable"));

            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<Void> home = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));

            HttpResponse<Void> start = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/keycloak"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(start.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l)
                            .startsWith("http://localhost:" + keycloakPort
                                    + "/realms/earlyhelp/protocol/openid-connect/auth?"));
        }
    }

    @Test
    void aMalformedIssuerStopsTheStartWithAPlainMessage() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(EarlyHelpApplication.class)
                        .run("--server.port=0", "--earlyhelp.keycloak.issuer-uri=keycloak.example")
                        .close())
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause()
                .hasMessageContaining("EARLYHELP_KEYCLOAK_ISSUER_URI must look like");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
