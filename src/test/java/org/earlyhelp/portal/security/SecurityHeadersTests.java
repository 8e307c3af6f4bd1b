package org.earlyhelp.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page carries the headers that keep it out of frames and its address out of referrers. */
@OwnDataApplicationTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    @Test
    void pagesForbidFramingAndLimitWhereTheyLoadFrom() throws Exception {
        HttpResponse<Void> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        System.out.println(
                "HEADERS " + login.statusCode() + " " + login.headers().map());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("frame-ancestors 'none'", "default-src 'self'", "object-src 'none'"));
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP")
                .isEmpty();
    }

    @Test
    void forwardedHeadersFromAnAddressNotListedAsAProxyAreIgnored() throws Exception {
        // No proxy is listed by default: a caller cannot claim to have come over HTTPS, or from
        // another address, by sending the proxy's headers itself.
        HttpResponse<Void> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .header("X-Forwarded-Proto", "https")
                                .header("X-Forwarded-For", "203.0.113.9")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .as("X-Forwarded-Proto from an address not listed is not believed")
                .isEmpty();
    }
}
