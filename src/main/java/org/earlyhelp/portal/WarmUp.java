package org.earlyhelp.portal;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Before the application says it is ready, it opens the public feedback form once itself (the
 * page and the first request of Vaadin's protocol), so that the first young person after a
 * restart does not wait while the JVM loads and compiles what that takes. The form without a code
 * is asked for: it reads and writes nothing. Off with {@code earlyhelp.warm-up=false}.
 */
@Component
@ConditionalOnProperty(name = "earlyhelp.warm-up", havingValue = "true", matchIfMissing = true)
class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final Pattern RESOURCE = Pattern.compile("(?:src|href)=\"\\./((?:VAADIN|lumo|styles)/[^\"]+)\"");

    /** Runs before readiness turns to accepting traffic (Spring Boot publishes it after this event). */
    @EventListener
    void warmUp(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)
                || web.getWebServer() == null
                || web.getWebServer().getPort() <= 0) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort() + "/";
        long start = System.nanoTime();
        try (HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            for (int round = 0; round < 2; round++) {
                String page = get(http, base + "say");
                // The scripts and styles the page names, as the browser will ask for them.
                Matcher resource = RESOURCE.matcher(page);
                while (resource.find()) {
                    get(http, base + resource.group(1));
                }
                get(http, base + "?v-r=init&location=say&query=");
            }
            log.info("Warmed up the public form in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.info(
                    "Could not warm up the public form ({}); the first visitor will wait a little longer",
                    e.toString());
        }
    }

    private static String get(HttpClient http, String address) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(address))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
