package org.earlyhelp.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.earlyhelp.testing.FreePorts;

/**
 * Starts the production jar as a separate process and prints the time from launch to ready (the
 * readiness probe answers UP) and the resident memory once ready: with default JVM settings, and
 * with the JDK's ahead-of-time cache made by a training run. Uses a fresh database on the local
 * PostgreSQL, dropped at the end. Run with {@code ./mvnw -Pstartup-benchmark verify}.
 */
public final class StartupBenchmark {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    record Run(String label, double readySeconds, long rssMegabytes) {}

    public static void main(String[] args) throws Exception {
        Path jar = findJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String user = System.getProperty("user.name");
        String database = "earlyhelp_bench_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("CREATE DATABASE " + database, user);
        Path aot = Files.createTempDirectory("earlyhelp-aot").resolve("app.aot");
        List<Run> runs = new ArrayList<>();
        try {
            List<String> env = List.of(
                    "EARLYHELP_DB_URL=jdbc:postgresql://localhost:5432/" + database, "EARLYHELP_DB_USERNAME=" + user);
            // The first start migrates the schemas and loads the demonstration data.
            runs.add(start("first start (migrations and demo data)", List.of(java, "-jar", jar.toString()), env));
            for (int i = 1; i <= 3; i++) {
                runs.add(start("default JVM, run " + i, List.of(java, "-jar", jar.toString()), env));
            }
            start(
                    "AOT training run (not timed)",
                    List.of(java, "-XX:AOTCacheOutput=" + aot, "-jar", jar.toString()),
                    env);
            if (Files.exists(aot)) {
                for (int i = 1; i <= 3; i++) {
                    runs.add(start(
                            "AOT cache, run " + i, List.of(java, "-XX:AOTCache=" + aot, "-jar", jar.toString()), env));
                }
            } else {
                System.out.println("The JDK wrote no AOT cache; AOT runs skipped.");
            }
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", user);
        }
        System.out.println();
        System.out.println("Start-up of " + jar.getFileName() + " on "
                + Runtime.getRuntime().availableProcessors()
                + " cores (target: ready within 8 s, under 400 MB resident)");
        System.out.printf(Locale.ROOT, "%-42s %10s %10s%n", "run", "ready (s)", "RSS (MB)");
        for (Run run : runs) {
            System.out.printf(Locale.ROOT, "%-42s %10.2f %10d%n", run.label(), run.readySeconds(), run.rssMegabytes());
        }
    }

    private static Run start(String label, List<String> command, List<String> env) throws Exception {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        List<String> full = new ArrayList<>(command);
        full.add("--server.port=" + port);
        // Health is on the management port in production (and here in every run, for one readiness URL).
        full.add("--management.server.port=" + managementPort);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        Path log = Files.createTempFile("earlyhelp-start", ".log");
        builder.redirectOutput(log.toFile());
        for (String e : env) {
            String[] kv = e.split("=", 2);
            builder.environment().put(kv[0], kv[1]);
        }
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            URI readiness = URI.create("http://localhost:" + managementPort + "/actuator/health/readiness");
            long deadline = launched + Duration.ofMinutes(2).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The application stopped:\n" + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Not ready within 2 minutes:\n" + Files.readString(log));
                }
                try {
                    HttpResponse<String> response = HTTP.send(
                            HttpRequest.newBuilder(readiness)
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("UP")) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(25);
            }
            double seconds = (System.nanoTime() - launched) / 1e9;
            Thread.sleep(500);
            long rss = rssMegabytes(process.pid());
            Run run = new Run(label, seconds, rss);
            System.out.printf(Locale.ROOT, "%s: ready in %.2f s, %d MB resident%n", label, seconds, rss);
            return run;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static Path findJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("early-help-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw package first"));
        }
    }

    private static void execute(String sql, String user) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", user, null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
