package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.earlyhelp.testing.FreePorts;
import org.earlyhelp.testing.OwnPostgres;
import org.earlyhelp.testing.ProductionJar;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * PostgreSQL itself is stopped and started again while a practitioner is using the portal (the
 * production jar as a separate process, on a PostgreSQL server of the test's own): meanwhile the
 * practitioner sees a plain message, and once PostgreSQL is back the same application process
 * carries on, with the session and the data it had. Prints the figures.
 */
class PostgresRestartIT extends BrowserTest {

    @Test
    void postgresRestartsDuringUseAndTheApplicationRecoversWithoutARestart() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.start()) {
            postgres.createDatabase("earlyhelp");
            int port = FreePorts.next();
            // The plain jar, as the README runs it (the other tests run it extracted, with its AOT cache).
            Process app = ProductionJar.start(
                    ProductionJar.Form.JAR,
                    postgres.jdbcUrl("earlyhelp"),
                    OwnPostgres.USER,
                    port,
                    "--earlyhelp.db.connection-timeout-ms=2000",
                    "--earlyhelp.demo.care-returns=false");
            long pid = app.pid();
            try {
                String base = "http://localhost:" + port;
                signInAndOpen(base, "family.worker", base + "/my-work");
                String before = browser().waitFor(By.id("my-cases")).getDomProperty("textContent");

                long stopping = System.nanoTime();
                postgres.stop();
                double stopSeconds = (System.nanoTime() - stopping) / 1e9;
                browser().go(base + "/my-work");
                new WebDriverWait(browser().driver(), Duration.ofSeconds(30))
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("database-down")));
                assertThat(browser().driver().findElement(By.tagName("main")).getText())
                        .contains("Nothing you saved before is lost")
                        .doesNotContain("Exception");
                assertThat(app.isAlive())
                        .as("the application keeps running while PostgreSQL is down")
                        .isTrue();
                Thread.sleep(3000);

                long starting = System.nanoTime();
                postgres.startAgain();
                long accepting = System.nanoTime();
                int attempts = loadMyWorkUntilItWorks(base, Duration.ofSeconds(60));
                double recovered = (System.nanoTime() - accepting) / 1e9;
                assertThat(attempts)
                        .as("the portal works again within 60 s of PostgreSQL being back")
                        .isPositive();
                assertThat(app.isAlive()).isTrue();
                assertThat(app.pid()).as("the same process, not restarted").isEqualTo(pid);
                assertThat(browser().waitFor(By.id("my-cases")).getDomProperty("textContent"))
                        .as("the same cases, and the session survived")
                        .isEqualTo(before);
                System.out.printf(
                        Locale.ROOT,
                        "%nPostgreSQL restart: stopped in %.1f s; plain message shown meanwhile; started again in %.1f s;"
                                + " the portal worked again %.1f s after PostgreSQL accepted connections (%d page load(s)),"
                                + " same process, same session.%n",
                        stopSeconds,
                        (accepting - starting) / 1e9,
                        recovered,
                        attempts);
            } finally {
                app.destroyForcibly().waitFor();
            }
        }
    }
}
