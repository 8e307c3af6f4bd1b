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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The production jar (built by {@code ./mvnw verify} before the integration tests) run as a
 * separate process against its own database on the local PostgreSQL, for tests that kill it.
 */
public final class ProductionJar {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ProductionJar() {}

    /** How a test runs the production jar. */
    public enum Form {
        /** {@code java -jar early-help.jar}, as the README runs it. */
        JAR,
        /**
         * Extracted as Spring Boot recommends for production ({@code java -Djarmode=tools -jar
         * early-help.jar extract}): the application's jar and its libraries side by side, loaded by
         * Java's own class loader rather than from inside one nested jar.
         */
        EXTRACTED,
        /**
         * Extracted, with the JVM's ahead-of-time cache ({@code -XX:AOTCache}, Java 25) made once by a
         * training run that stops when the application context has started, as Spring Boot's "AOT
         * cache" documentation does: the classes come loaded and linked from the cache. On a 2-core
         * machine it started in 10 s using 17 s of processor time, against 24 s and 40 s for the
         * plain jar.
         */
        AOT_CACHE;

        /**
         * The form set by {@code earlyhelp.jar.form} ({@code jar}, {@code extracted} or {@code
         * aot-cache}; the browser and integration tests use {@code aot-cache}), else {@code
         * extracted} when {@code earlyhelp.jar.extracted} is true, else the plain jar.
         */
        public static Form chosen() {
            String form = System.getProperty("earlyhelp.jar.form", "");
            if (form.isBlank()) {
                return Boolean.getBoolean("earlyhelp.jar.extracted") ? EXTRACTED : JAR;
            }
            return valueOf(form.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Starts the jar on the port with the database and arguments, and waits until it is ready. */
    public static Process start(String database, int port, String... args) throws Exception {
        return start("jdbc:postgresql://localhost:5432/" + database, user(), port, args);
    }

    /** Starts the jar on the port, with health and metrics on the management port, and waits until it is ready. */
    public static Process start(String database, int port, int managementPort, String... args) throws Exception {
        return start(Form.chosen(), "jdbc:postgresql://localhost:5432/" + database, user(), port, managementPort, args);
    }

    /** Starts the jar against any PostgreSQL, and waits until it is ready. */
    public static Process start(String jdbcUrl, String databaseUser, int port, String... args) throws Exception {
        return start(Form.chosen(), jdbcUrl, databaseUser, port, args);
    }

    /** Starts the jar in the given form against any PostgreSQL, and waits until it is ready. */
    public static Process start(Form form, String jdbcUrl, String databaseUser, int port, String... args)
            throws Exception {
        // Health is on the management port in production: one of its own for each process.
        return start(form, jdbcUrl, databaseUser, port, FreePorts.next(), args);
    }

    private static Process start(
            Form form, String jdbcUrl, String databaseUser, int port, int managementPort, String... args)
            throws Exception {
        List<String> command = javaWithOptions();
        switch (form) {
            case JAR -> command.addAll(List.of("-jar", jar().toString()));
            case EXTRACTED -> command.addAll(List.of("-jar", extracted().toString()));
            case AOT_CACHE -> {
                Path application = extracted();
                command.addAll(List.of("-XX:AOTCache=" + aotCache(application), "-jar", application.toString()));
            }
        }
        command.addAll(List.of(
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
     * The jar extracted into {@code target/extracted}, once for all the JVMs running tests (again
     * when the jar is newer); gives the application's jar in it.
     */
    private static Path extracted() throws Exception {
        Path jar = jar();
        Path into = Path.of("target", "extracted");
        Path application = into.resolve(jar.getFileName());
        return TestFork.inTurn("extracted", () -> {
            if (!Files.exists(application)
                    || Files.getLastModifiedTime(application).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                Commands.runToEnd(
                        "Could not extract the jar",
                        Duration.ofMinutes(2),
                        Map.of(),
                        java(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--force",
                        "--destination",
                        into.toString());
            }
            return application;
        });
    }

    /**
     * The AOT cache beside the extracted application, made once for all the JVMs running tests (again
     * when the application is newer) by a training run against a database of its own, dropped after.
     */
    private static Path aotCache(Path application) throws Exception {
        Path cache = application.resolveSibling("early-help.aot");
        return TestFork.inTurn("extracted", () -> {
            if (Files.exists(cache)
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(application)) >= 0) {
                return cache;
            }
            Files.deleteIfExists(cache);
            String database = "earlyhelp_aot_"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            execute("postgres", "CREATE DATABASE " + database);
            long training = System.nanoTime();
            try {
                // With the options the runs will have, so that the cache fits them.
                List<String> trainingRun = javaWithOptions();
                trainingRun.addAll(List.of(
                        "-XX:AOTCacheOutput=" + cache,
                        "-Dspring.context.exit=onRefresh",
                        "-jar",
                        application.toString(),
                        "--server.port=" + FreePorts.next(),
                        "--management.server.port=" + FreePorts.next(),
                        "--earlyhelp.demo.concern=false"));
                Commands.runToEnd(
                        "The AOT cache's training run failed",
                        Duration.ofMinutes(3),
                        Map.of(
                                "EARLYHELP_DB_URL",
                                "jdbc:postgresql://localhost:5432/" + database,
                                "EARLYHELP_DB_USERNAME",
                                user()),
                        trainingRun.toArray(String[]::new));
            } finally {
                execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            if (!Files.exists(cache)) {
                throw new IllegalStateException("The AOT cache's training run wrote no " + cache);
            }
            System.out.printf(
                    Locale.ROOT,
                    "AOT cache of the production jar made in %.1f s (%d MB).%n",
                    (System.nanoTime() - training) / 1e9,
                    Files.size(cache) >> 20);
            return cache;
        });
    }

    /** {@code java} with the options the tests give the processes they start ({@link ChildJvm}), to add to. */
    private static List<String> javaWithOptions() {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(ChildJvm.options());
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The application's jar, as {@code ./mvnw verify} built it in {@code target/}. */
    public static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("early-help-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw verify"));
        }
    }
}
