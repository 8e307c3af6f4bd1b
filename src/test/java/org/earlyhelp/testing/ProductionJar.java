package org.earlyhelp.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The production jar (built by {@code ./mvnw verify} before the integration tests) run as a
 * separate process against its own database on the local PostgreSQL, for tests that kill it.
 */
public final class ProductionJar {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ProductionJar() {}

    /** Starts the jar on the port with the database and arguments, and waits until it is ready. */
    public static Process start(String database, int port, String... args) throws Exception {
        return start("jdbc:postgresql://localhost:5432/" + database, user(), port, args);
    }

    /** Starts the jar on the port, with health and metrics on the management port, and waits until it is ready. */
    public static Process start(String database, int port, int managementPort, String... args) throws Exception {
        return start("jdbc:postgresql://localhost:5432/" + database, user(), port, managementPort, args);
    }

    /** Starts the jar against any PostgreSQL, and waits until it is ready. */
    public static Process start(String jdbcUrl, String databaseUser, int port, String... args) throws Exception {
        // Health is on the management port in production: one of its own for each process.
        return start(jdbcUrl, databaseUser, port, FreePorts.next(), args);
    }

    private static Process start(String jdbcUrl, String databaseUser, int port, int managementPort, String... args)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-jar",
                (Boolean.getBoolean("earlyhelp.jar.extracted") ? extracted() : jar()).toString(),
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                // Without the demonstration's safeguarding concern, whose mails would join the ones
                // the crash and two-instance tests count.
                "--earlyhelp.demo.concern=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = Files.createTempFile("earlyhelp-process", ".log");
        builder.redirectOutput(log.toFile());
        builder.environment().put("EARLYHELP_DB_URL", jdbcUrl);
        builder.environment().put("EARLYHELP_DB_USERNAME", databaseUser);
        Process process = builder.start();
        URI readiness = URI.create("http://localhost:" + managementPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped:\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Not ready within 2 minutes:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
    }

    /** The database user the tests and the processes connect as. */
    public static String user() {
        return System.getProperty("user.name");
    }

    public static long count(String database, String sql) throws Exception {
        return Long.parseLong(text(database, sql));
    }

    public static String text(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, user(), null);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static void execute(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, user(), null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * The jar extracted as Spring Boot recommends for production ({@code java -Djarmode=tools -jar
     * early-help.jar extract}): the application's jar and its libraries side by side, loaded by
     * Java's own class loader rather than from inside one nested jar.
     */
    private static synchronized Path extracted() throws Exception {
        Path jar = jar();
        // One directory for each JVM running tests at once, so that one cannot extract over the other's.
        Path into = Path.of("target", TestFork.own("extracted"));
        Path application = into.resolve(jar.getFileName());
        if (!Files.exists(application)
                || Files.getLastModifiedTime(application).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process extract = new ProcessBuilder(
                            java,
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--force",
                            "--destination",
                            into.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(extract.getInputStream().readAllBytes());
            if (extract.waitFor() != 0) {
                throw new IllegalStateException("Could not extract the jar:\n" + output);
            }
        }
        return application;
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("early-help-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw verify"));
        }
    }
}
