package org.earlyhelp.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind the HTTPS proxy, listed in {@code EARLYHELP_TRUSTED_PROXIES}: its forwarded headers are
 * believed, so pages ask browsers to use HTTPS only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1")
class TrustedProxyTests {

    @LocalServerPort
    int port;

    @Test
    void behindAListedHttpsProxyPagesAskBrowsersToUseHttpsOnly() throws Exception {
        HttpResponse<Void> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .header("X-Forwarded-Proto", "https")
                                .header("X-Forwarded-For", "203.0.113.9")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
    }
}
