package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.earlyhelp.testing.ProductionJar;
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
        String database = "earlyhelp_crash_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ProductionJar.execute("postgres", "CREATE DATABASE " + database);
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try {
            // First life: alerts wait two minutes before they are raised, so the kill lands in between.
            Process first = ProductionJar.start(database, port, "--earlyhelp.voice.alert-delay=PT2M");
            try {
                ProductionJar.execute(database, """
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
                assertThat(ProductionJar.count(database, "SELECT count(*) FROM voice.feedback WHERE safeguarding"))
                        .isEqualTo(1);
                assertThat(ProductionJar.count(database, "SELECT count(*) FROM voice.alert"))
                        .isZero();
                assertThat(ProductionJar.count(
                                database,
                                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL"
                                        + " AND event_type LIKE '%FeedbackReceived'"))
                        .as("the alert's event is stored with the feedback, waiting")
                        .isPositive();
            } finally {
                first.destroyForcibly();
                first.waitFor();
            }
            assertThat(ProductionJar.count(database, "SELECT count(*) FROM voice.alert"))
                    .isZero();

            // Second life, no pause: the stored event is delivered again and the alert raised.
            long restarted = System.nanoTime();
            Process second = ProductionJar.start(database, port);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (ProductionJar.count(database, "SELECT count(*) FROM voice.alert") == 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - restarted) / 1e9;
                long alerts = ProductionJar.count(database, "SELECT count(*) FROM voice.alert");
                System.out.printf(
                        Locale.ROOT,
                        "%nCrash test: 1 safeguarding feedback stored, process killed (SIGKILL) before its alert;"
                                + " after restart %d alert(s) raised, %.1f s from relaunch, 0 lost, %d duplicated.%n",
                        alerts,
                        seconds,
                        Math.max(0, alerts - 1));
                assertThat(alerts).isEqualTo(1);
                Thread.sleep(2000);
                assertThat(ProductionJar.count(database, "SELECT count(*) FROM voice.alert"))
                        .isEqualTo(1);
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            ProductionJar.execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
