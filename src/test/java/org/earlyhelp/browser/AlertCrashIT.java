package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Confidential, not secret, even through a crash: the production jar runs as a separate process;
 * a teenager says they do not feel safe; the process is killed with SIGKILL after the feedback is
 * stored and before its alert is raised; on restart the alert is raised, exactly once.
 */
class AlertCrashIT extends BrowserTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final String CODE = "CRASH0TEST0CQDE1";

    @Test
    void anAlertWaitingWhenTheApplicationIsKilledIsRaisedAfterTheRestart() throws Exception {
        Path jar = findJar();
        String user = System.getProperty("user.name");
        String database = "earlyhelp_crash_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("postgres", user, "CREATE DATABASE " + database);
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try {
            // First life: alerts wait two minutes before they are raised, so the kill lands in between.
            Process first = start(jar, database, user, port, "--earlyhelp.voice.alert-delay=PT2M");
            try {
                execute(database, user, """
                        INSERT INTO voice.invitation (id, code, kind, hub_id, label, age_band, created_by, created_at, expires_at)
                        VALUES (gen_random_uuid(), '%s', 'GROUP', 'dudley-central', 'Crash test', 'TEEN', 'test', now(),
                          now() + interval '1 day')""".formatted(CODE));
                browser.clearCookies();
                long loading = System.nanoTime();
                browser.go("http://localhost:" + port + "/say/" + CODE);
                WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send")));
                System.out.printf(
                        Locale.ROOT,
                        "%nProduction jar: public feedback form usable in %.2f s (first visit, navigation to the Send button).%n",
                        (System.nanoTime() - loading) / 1e9);
                WebElement no = wait.until(
                        d -> d.findElement(By.id("choices-safe")).findElements(By.tagName("vaadin-button")).stream()
                                .filter(b -> b.getText().equals("No"))
                                .findFirst()
                                .orElse(null));
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();", no);
                no.click();
                browser.waitFor(By.id("send")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("help-now")));
                assertThat(count(database, user, "SELECT count(*) FROM voice.feedback WHERE safeguarding"))
                        .isEqualTo(1);
                assertThat(count(database, user, "SELECT count(*) FROM voice.alert"))
                        .isZero();
                assertThat(count(
                                database,
                                user,
                                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL"
                                        + " AND event_type LIKE '%FeedbackReceived'"))
                        .as("the alert's event is stored with the feedback, waiting")
                        .isPositive();
            } finally {
                first.destroyForcibly();
                first.waitFor();
            }
            assertThat(count(database, user, "SELECT count(*) FROM voice.alert"))
                    .isZero();

            // Second life, no pause: the stored event is delivered again and the alert raised.
            long restarted = System.nanoTime();
            Process second = start(jar, database, user, port);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (count(database, user, "SELECT count(*) FROM voice.alert") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - restarted) / 1e9;
                long alerts = count(database, user, "SELECT count(*) FROM voice.alert");
                System.out.printf(
                        Locale.ROOT,
                        "%nCrash test: 1 safeguarding feedback stored, process killed (SIGKILL) before its alert;"
                                + " after restart %d alert(s) raised, %.1f s from relaunch, 0 lost, %d duplicated.%n",
                        alerts,
                        seconds,
                        Math.max(0, alerts - 1));
                assertThat(alerts).isEqualTo(1);
                Thread.sleep(2000);
                assertThat(count(database, user, "SELECT count(*) FROM voice.alert"))
                        .isEqualTo(1);
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            execute("postgres", user, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static Process start(Path jar, String database, String user, int port, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = Files.createTempFile("earlyhelp-crash", ".log");
        builder.redirectOutput(log.toFile());
        builder.environment().put("EARLYHELP_DB_URL", "jdbc:postgresql://localhost:5432/" + database);
        builder.environment().put("EARLYHELP_DB_USERNAME", user);
        Process process = builder.start();
        URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
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

    private static long count(String database, String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, user, null);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String database, String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, user, null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Path findJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("early-help-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw verify"));
        }
    }
}
