package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.earlyhelp.testing.KeycloakApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away during use (every connection dropped and no new ones allowed, as in a
 * restart): the person sees a plain message, not a stack trace; when it is back the application
 * carries on without a restart. Prints how long recovery took. And when the database answers but
 * every pooled connection is busy (an instance past its capacity), the person is told it is busy,
 * not that the database is down, and readiness stays up at once, so the proxy keeps the instance.
 * Something done on a page while the database is away (a young person sending their answers, a
 * save) leaves the page as it was, with what was entered, and says that it was not done; a page's
 * own poll for news changes nothing on it.
 */
@KeycloakApplicationTest
class DatabaseOutageIT extends BrowserTest {

    /** Rounds of looking, 100 ms apart, in which no connection to the database may be seen. */
    private static final int QUIET_ROUNDS = 3;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    DataSource dataSource;

    @Test
    void aDatabaseOutageShowsAPlainMessageAndTheApplicationRecoversByItself() throws Exception {
        String base = "http://localhost:" + port;
        signInThroughKeycloakAndOpen(base, "practitioner", base + "/my-work");
        // The work list, read from the database (on this application without demonstration
        // families it is empty, which the page says).
        browser().waitFor(By.cssSelector("#my-cases, main .empty-state"));
        withTheDatabaseAway(() -> {
            browser().go(base + "/my-work");
            new WebDriverWait(browser().driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("database-down")));
            assertThat(browser().driver().findElement(By.tagName("main")).getText())
                    .contains("Nothing you saved before is lost")
                    .doesNotContain("Exception");
            browser().screenshot("database-down");
            browser().assertAccessible("database down");
        });
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
        signInThroughKeycloakAndOpen(base, "practitioner", base + "/my-work");
        browser().waitFor(By.cssSelector("#my-cases, main .empty-state"));
        List<Connection> held = new ArrayList<>();
        // The application's own work (sealing the audit chain, its heartbeat, retrying events)
        // takes a connection now and then. Here one job has one while the test starts to take the
        // pool, and gives it back a second later, as the page is asked for.
        CountDownLatch jobHasOne = new CountDownLatch(1);
        CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
            try (Connection c = pool.getConnection()) {
                jobHasOne.countDown();
                Thread.sleep(1_000);
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(jobHasOne.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            // Every connection in the pool, as the requests of an instance past its capacity hold
            // them: the test holds each of them itself. (Counting the pool's active connections
            // instead stopped one short while a job had one, and the page then got the job's.)
            while (held.size() < pool.getMaximumPoolSize()) {
                try {
                    held.add(pool.getConnection());
                } catch (SQLTransientConnectionException takenByAnother) {
                    // the application's own work had one for a while: ask again
                }
            }
            job.get(30, TimeUnit.SECONDS);
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

            browser().go(base + "/my-work");
            new WebDriverWait(browser().driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("database-busy")));
            assertThat(browser().driver().findElement(By.tagName("main")).getText())
                    .contains("very busy")
                    .contains("Nothing you saved before is lost")
                    .doesNotContain("cannot reach its database")
                    .doesNotContain("Exception");
            browser().screenshot("database-busy");
            browser().assertAccessible("database busy");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(loadMyWorkUntilItWorks(base, Duration.ofSeconds(30)))
                .as("the portal works again once connections are free")
                .isPositive();
    }

    @Test
    void aYoungPersonsAnswersStayOnTheFormWhileTheDatabaseIsAwayAndAreSentOnceWhenItIsBack() throws Exception {
        String base = "http://localhost:" + port;
        UUID invitation = UUID.randomUUID();
        String code = answerWithoutSending(JdbcClient.create(dataSource), "http://localhost:" + port, invitation);
        String words = words(invitation);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        withTheDatabaseAway(() -> {
            sendAndSeeTheAnswersKept(base + "/say/" + code, words);
            assertThat(browser().isPresent(By.id("database-down"))).isFalse();
            browser().screenshot("say-database-down");
            browser().assertAccessible("feedback form not sent while the database is away");
        });
        // Sent again once the database is back (the pool may first meet connections it has not yet
        // found dead): saved once, with its alert.
        long back = System.nanoTime();
        while (!browser().isPresent(By.id("help-now"))) {
            assertThat(System.nanoTime() - back)
                    .as("the answers could not be sent within 60 s of the database being back")
                    .isLessThan(Duration.ofSeconds(60).toNanos());
            browser().waitFor(By.id("send")).click();
            try {
                new WebDriverWait(browser().driver(), Duration.ofSeconds(5))
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("help-now")));
            } catch (TimeoutException notYet) {
                // the pool met a connection it had not yet found dead: press Send again
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM voice.feedback WHERE invitation_id = ?")
                        .param(invitation)
                        .query(Long.class)
                        .single())
                .as("the answers saved exactly once")
                .isEqualTo(1);
    }

    @Test
    void aYoungPersonsAnswersStayOnTheFormWhenSavingThemFailsUnexpectedly() throws Exception {
        String base = "http://localhost:" + port;
        String user = System.getProperty("user.name");
        UUID invitation = UUID.randomUUID();
        String code = answerWithoutSending(JdbcClient.create(dataSource), "http://localhost:" + port, invitation);
        inTheApplicationsDatabase(user, """
                CREATE FUNCTION voice.refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS
                  $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
                CREATE TRIGGER refuse_for_test BEFORE INSERT ON voice.feedback
                  FOR EACH ROW EXECUTE FUNCTION voice.refuse_for_test();""");
        try {
            sendAndSeeTheAnswersKept(base + "/say/" + code, words(invitation));
            assertThat(browser().isPresent(By.id("action-failed")))
                    .as("a staff message shown to a young person")
                    .isFalse();
        } finally {
            inTheApplicationsDatabase(
                    user, "DROP TRIGGER refuse_for_test ON voice.feedback; DROP FUNCTION voice.refuse_for_test();");
        }
    }

    /** Presses Send and sees the form say that the answers were not sent, with them still on it and help now. */
    private static void sendAndSeeTheAnswersKept(String form, String words) {
        browser().waitFor(By.id("send")).click();
        String said = new WebDriverWait(browser().driver(), Duration.ofSeconds(30))
                .withMessage(() -> "nothing on the form said that the answers were not sent; the page said: "
                        + browser().driver().findElement(By.tagName("body")).getText())
                .until(d -> d.findElement(By.id("say-problems")).getText().isBlank()
                        ? null
                        : d.findElement(By.id("say-problems")).getText());
        assertThat(said).contains("not been sent yet").contains("still here");
        assertThat(browser().url())
                .as("the young person is still on their form")
                .isEqualTo(form);
        assertThat(browser()
                        .waitFor(By.cssSelector("#answer-anything textarea"))
                        .getDomProperty("value"))
                .as("what the young person wrote is still on the form")
                .isEqualTo(words);
        assertThat(browser().waitFor(By.id("help-now-form")).getText()).contains("Childline");
    }

    @Test
    void aSaveWhileTheDatabaseIsAwayKeepsWhatWasEnteredAndSaysItWasNotSaved() throws Exception {
        String typed = typeADutyAddress();
        withTheDatabaseAway(() -> {
            String said = saveAndReadTheDialog("not-saved", "database-down-not-saved", typed);
            assertThat(said).contains("nothing was saved").contains("still on the page");
        });
        // The pool, which found no database for a while, may need a moment to open a connection.
        waitForTheDatabase();
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT count(*) FROM voice.setting WHERE value = ?")
                        .param(typed)
                        .query(Long.class)
                        .single())
                .as("nothing was saved")
                .isZero();
    }

    @Test
    void anUnexpectedFailureOfASaveKeepsWhatWasEnteredAndGivesAReference() throws Exception {
        String user = System.getProperty("user.name");
        String typed = typeADutyAddress();
        // A failure no page expects: the database refuses the change with an error of its own.
        inTheApplicationsDatabase(user, """
                CREATE FUNCTION voice.refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS
                  $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
                CREATE TRIGGER refuse_for_test BEFORE INSERT OR UPDATE ON voice.setting
                  FOR EACH ROW EXECUTE FUNCTION voice.refuse_for_test();""");
        try {
            String said = saveAndReadTheDialog("action-failed", "action-failed-text", typed);
            assertThat(said)
                    .contains("did not work")
                    .contains("still on the page")
                    .containsPattern("[0-9a-f]{8}");
        } finally {
            inTheApplicationsDatabase(
                    user, "DROP TRIGGER refuse_for_test ON voice.setting; DROP FUNCTION voice.refuse_for_test();");
        }
    }

    /** Signs in as an administrator and types a new duty address for alerts, not yet saved. */
    private String typeADutyAddress() {
        String base = "http://localhost:" + port;
        signInThroughKeycloakAndOpen(base, "admin", base + "/admin/alerts");
        WebElement address = browser().waitFor(By.cssSelector("#duty-address input"));
        String typed = "duty-" + UUID.randomUUID() + "@council.example";
        address.clear();
        address.sendKeys(typed);
        return typed;
    }

    /**
     * Presses Save, waits for the dialog that says it failed (focus on its one button,
     * axe-checked), closes it and checks that the page, and the address typed, are still there;
     * gives what the dialog said.
     */
    private String saveAndReadTheDialog(String dialog, String words, String typed) {
        browser().waitFor(By.id("duty-save")).click();
        String said = new WebDriverWait(browser().driver(), Duration.ofSeconds(30))
                .withMessage(() -> "nothing on the page said that the save did not work; the page said: "
                        + browser().driver().findElement(By.tagName("body")).getText())
                .until(d -> d.findElements(By.id(words)).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .map(WebElement::getText)
                        .orElse(null));
        browser().waitForFocus("Back to the page", f -> f.contains("Back to the page"));
        browser().screenshot(dialog);
        browser().assertAccessible("the dialog " + dialog);
        browser().waitFor(By.id(dialog + "-ok")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog)));
        assertThat(browser().url()).endsWith("/admin/alerts");
        assertThat(browser().waitFor(By.cssSelector("#duty-address input")).getDomProperty("value"))
                .as("what was entered is still on the page")
                .isEqualTo(typed);
        return said;
    }

    @Test
    void aPageLookingForNewsWhileTheDatabaseIsAwayStaysAsItIs() throws Exception {
        String base = "http://localhost:" + port;
        signInThroughKeycloakAndOpen(base, "hublead", base + "/");
        // The hub lead's home page looks for news every 5 seconds.
        String home = browser().waitFor(By.id("home-hub-lead")).getText();
        withTheDatabaseAway(() -> {
            Thread.sleep(12_000);
            assertThat(browser().isPresent(By.id("not-saved")))
                    .as("a dialog opened although the person did nothing")
                    .isFalse();
            assertThat(browser().isPresent(By.id("database-down")))
                    .as("the page was replaced")
                    .isFalse();
            assertThat(browser().waitFor(By.id("home-hub-lead")).getText()).isEqualTo(home);
        });
    }

    /**
     * Takes the database away (no connections allowed, every one ended), runs the check, and allows
     * them again.
     *
     * <p>Ending the connections once is not enough. The pool opens connections in the background
     * (to fill itself up again after a test before this one, at its housekeeper's pace), and a
     * connection that PostgreSQL was opening as connections stopped being allowed had already been
     * let in, but is not yet listed under the database's name, so it escapes the first round and
     * then serves the page as if nothing had happened. So connections are ended again until none
     * has been seen for {@link #QUIET_ROUNDS} rounds.
     */
    private void withTheDatabaseAway(ThrowingRunnable check) throws Exception {
        String database = database();
        String user = System.getProperty("user.name");
        try {
            admin(user, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            long from = System.nanoTime();
            int quiet = 0;
            while (quiet < QUIET_ROUNDS) {
                assertThat(System.nanoTime() - from)
                        .as("connections to the database were still being opened 10 s after they stopped being allowed")
                        .isLessThan(Duration.ofSeconds(10).toNanos());
                quiet = endConnections(user, database) == 0 ? quiet + 1 : 0;
                Thread.sleep(100);
            }
            check.run();
        } finally {
            admin(user, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
    }

    /** Ends every connection to the database; gives how many there were. */
    private static int endConnections(String user, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", user, null);
                Statement s = c.createStatement();
                ResultSet ended = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE datname = '" + database + "'")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    /** Each test starts with a pool that has found out the connections a test before it dropped. */
    @BeforeEach
    void waitForTheDatabase() throws SQLException {
        long from = System.nanoTime();
        while (true) {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() - from > Duration.ofSeconds(60).toNanos()) {
                    throw notYet;
                }
            }
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The name of the application's database. */
    private String database() throws SQLException {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private void inTheApplicationsDatabase(String user, String sql) throws Exception {
        String database = database();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, user, null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void admin(String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", user, null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
