package org.earlyhelp.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind the HTTPS proxy, listed in {@code EARLYHELP_TRUSTED_PROXIES}: its forwarded headers are
 * believed, so pages ask browsers to use HTTPS only. The tests' application lists 127.0.0.2 as
 * its proxy (see {@link OwnDataApplicationTest}); this test connects from that address, while
 * {@link SecurityHeadersTests} connects from 127.0.0.1, which is not listed and not believed.
 */
@OwnDataApplicationTest
class TrustedProxyTests {

    @LocalServerPort
    int port;

    @Test
    void behindAListedHttpsProxyPagesAskBrowsersToUseHttpsOnly() throws IOException {
        List<String> headers = loginFrom(InetAddress.getByName("127.0.0.2"));
        assertThat(headers.getFirst()).contains(" 200 ");
        assertThat(headers).contains("Strict-Transport-Security: max-age=31536000 ; includeSubDomains");
    }

    /** The response's status line and headers to a request for the sign-in page, sent from an address. */
    private List<String> loginFrom(InetAddress from) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /login HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-Forwarded-Proto: https\r\n"
                            + "X-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }
}
