package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.earlyhelp.testing.KeycloakApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The database goes away during use (every connection dropped and no new ones allowed, as in a
 * restart): the person sees a plain message, not a stack trace; when it is back the application
 * carries on without a restart. Prints how long recovery took. And when the database answers but
 * every pooled connection is busy (an instance past its capacity), the person is told it is busy,
 * not that the database is down, and readiness stays up at once, so the proxy keeps the instance.
 */
@KeycloakApplicationTest
class DatabaseOutageIT extends BrowserTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    DataSource dataSource;

    @Test
    void aDatabaseOutageShowsAPlainMessageAndTheApplicationRecoversByItself() throws Exception {
        String base = "http://localhost:" + port;
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String user = System.getProperty("user.name");
        signInThroughKeycloakAndWait(base, "practitioner");
        browser.go(base + "/my-work");
        // The work list, read from the database (on this application without demonstration
        // families it is empty, which the page says).
        browser.waitFor(By.cssSelector("#my-cases, main .empty-state"));
        try {
            admin(user, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            admin(user, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            browser.go(base + "/my-work");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("database-down")));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Nothing you saved before is lost")
                    .doesNotContain("Exception");
            browser.screenshot("database-down");
            browser.assertAccessible("database down");
        } finally {
            admin(user, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        // As a person would: load the page again (the message's "try again") until it works. The
        // first load can still meet connections the pool has not yet found dead.
        long allowed = System.nanoTime();
        int loads = loadMyWorkUntilItWorks(base, Duration.ofSeconds(30));
        assertThat(loads)
                .as("the portal works again within 30 s of the database allowing connections")
                .isPositive();
        System.out.printf(
                Locale.ROOT,
                "%nDatabase outage: plain message shown; working again %.1f s after the"
                        + " database allowed connections (%d page load(s)), without a restart.%n",
                (System.nanoTime() - allowed) / 1e9,
                loads);
    }

    @Test
    void withEveryConnectionBusyThePageSaysBusyNotDownAndReadinessStaysUp() throws Exception {
        String base = "http://localhost:" + port;
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        signInThroughKeycloakAndWait(base, "practitioner");
        browser.go(base + "/my-work");
        browser.waitFor(By.cssSelector("#my-cases, main .empty-state"));
        List<Connection> held = new ArrayList<>();
        try {
            // Every connection in the pool, as the requests of an instance past its capacity hold them.
            while (pool.getHikariPoolMXBean().getActiveConnections() < pool.getMaximumPoolSize()) {
                try {
                    held.add(pool.getConnection());
                } catch (SQLTransientConnectionException takenByAnother) {
                    // the application's own work had one for a moment: ask again
                }
            }
            long asked = System.nanoTime();
            HttpResponse<String> readiness = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + managementPort + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - asked) / 1e9;
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(seconds).as("seconds readiness took with the pool busy").isLessThan(1.0);

            browser.go(base + "/my-work");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("database-busy")));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("very busy")
                    .contains("Nothing you saved before is lost")
                    .doesNotContain("cannot reach its database")
                    .doesNotContain("Exception");
            browser.screenshot("database-busy");
            browser.assertAccessible("database busy");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(loadMyWorkUntilItWorks(base, Duration.ofSeconds(30)))
                .as("the portal works again once connections are free")
                .isPositive();
    }

    private static void admin(String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", user, null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
