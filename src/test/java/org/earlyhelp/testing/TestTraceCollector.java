package org.earlyhelp.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * An OpenTelemetry collector for the tests: one per test JVM, on a free port of 127.0.0.1, that
 * takes what an application sends to {@code /v1/traces} (OTLP over HTTP, protobuf) and keeps each
 * request's body. An application whose test turns tracing on ({@code management.tracing.enabled})
 * sends its spans here, whatever endpoint the application's settings name. The bodies are kept as
 * sent: a trace id is in them as its 16 bytes, a span's name and attributes as their UTF-8 text.
 */
public final class TestTraceCollector implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    private static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static @Nullable HttpServer server;

    private static synchronized int port() {
        if (server == null) {
            try {
                HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                started.createContext("/v1/traces", exchange -> {
                    try (InputStream body = exchange.getRequestBody()) {
                        RECEIVED.add(body.readAllBytes());
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                    // An empty body is an empty ExportTraceServiceResponse: everything accepted.
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                started.start();
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server.getAddress().getPort();
    }

    /** The bodies received so far that hold the trace with this id (32 hexadecimal digits). */
    public static List<String> trace(String traceId) {
        // One byte to one character, so the id's 16 bytes are found as a run of 16 characters.
        String id = new String(HexFormat.of().parseHex(traceId), StandardCharsets.ISO_8859_1);
        return RECEIVED.stream()
                .map(body -> new String(body, StandardCharsets.ISO_8859_1))
                .filter(body -> body.contains(id))
                .toList();
    }

    /**
     * The bodies received with the trace of this id, joined, once one holds the text (waiting up to
     * 10 seconds, as spans are sent in batches), or as they are when none does by then.
     */
    public static String awaitTrace(String traceId, String text) throws InterruptedException {
        for (int i = 0; i < 100 && !String.join("", trace(traceId)).contains(text); i++) {
            Thread.sleep(100);
        }
        return String.join("", trace(traceId));
    }

    /** Points an application that traces at the collector. */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("management.tracing.enabled", Boolean.class, false)) {
            return;
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-trace-collector", Map.of(ENDPOINT, "http://127.0.0.1:" + port() + "/v1/traces")));
    }
}
