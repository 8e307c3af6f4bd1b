package org.earlyhelp.browser;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.earlyhelp.testing.PortalClient;
import org.earlyhelp.testing.ProductionJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A headless Chromium for each test class, and signing in with a demonstration account. Failsafe
 * runs test classes three at a time in one JVM, each class on one thread from its start to its end,
 * so each thread holds the browser of the class it runs. A class that ends hands its browser on to
 * the next class, as a new person finds it ({@link Browser#resetForNextClass()}): starting Chromium
 * cost 3-4 s of processor time, about 20 times a run.
 */
abstract class BrowserTest {

    /** Every demonstration account's password. */
    static final String DEMO_PASSWORD = "demo-early-help";

    private static final ThreadLocal<Browser> BROWSER = new ThreadLocal<>();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Browsers in the default language that no class holds now; closed when the JVM ends. */
    private static final Deque<Browser> IDLE = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.forEach(Browser::close), "browsers-close"));
    }

    /** The browser of the test class this thread runs. */
    static Browser browser() {
        Browser browser = BROWSER.get();
        if (browser == null) {
            throw new IllegalStateException(
                    "No browser is open on " + Thread.currentThread().getName());
        }
        return browser;
    }

    @BeforeAll
    static void openBrowser() {
        Browser idle = IDLE.poll();
        BROWSER.set(idle != null ? idle : Browser.open());
    }

    /** Hands this class's browser on and opens one asking for pages in another language. */
    static void reopenBrowser(String language) {
        closeBrowser();
        BROWSER.set(Browser.open(language));
    }

    @AfterAll
    static void closeBrowser() {
        Browser browser = BROWSER.get();
        BROWSER.remove();
        if (browser == null) {
            return;
        }
        if (browser.inDefaultLanguage() && browser.resetForNextClass()) {
            IDLE.push(browser);
        } else {
            browser.close();
        }
    }

    /** Signs in on the portal's own sign-in page, forgetting whoever was signed in before. */
    static void signInLocally(String base, String username, String password) {
        browser().forgetWhoWasSignedIn();
        browser().go(base + "/login");
        browser().waitFor(By.cssSelector("input[name='username']")).sendKeys(username);
        browser().waitFor(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    /**
     * Signs in through Keycloak's own page, as a person does on the application in Keycloak mode
     * ({@code @KeycloakApplicationTest}), forgetting whoever was signed in before (the portal's
     * session and Keycloak's), and waits until Keycloak has sent them back to the portal.
     */
    static void signInThroughKeycloak(String base, String username) {
        String keycloak = KeycloakTestServer.running().baseUrl();
        browser().forgetWhoWasSignedIn();
        browser().go(base + "/");
        browser().waitForUrlStartingWith(keycloak);
        browser().waitFor(By.id("username")).sendKeys(username);
        browser().waitFor(By.id("password")).sendKeys(KeycloakTestServer.PASSWORD);
        browser().waitFor(By.id("kc-login")).click();
        browser().waitForUrlStartingWith(base);
    }

    /** Signs in through Keycloak and waits for the home page (or the refusal of a person without a role). */
    static void signInThroughKeycloakAndWait(String base, String username) {
        signInThroughKeycloak(base, username);
        browser().waitFor(By.cssSelector("[id^='home-'], #no-access"));
    }

    /**
     * After the database was away: loads "my work" again and again, as a person would follow the
     * message's "try again", until the cases show or the time is up. Returns how many loads it
     * took, or 0 when it never worked.
     */
    /** The work list, or the words that say it is empty: the page read the database. */
    private static final By WORK_LIST = By.cssSelector("#my-cases, main .empty-state");

    static int loadMyWorkUntilItWorks(String base, Duration limit) {
        long from = System.nanoTime();
        int loads = 0;
        while (System.nanoTime() - from < limit.toNanos()) {
            loads++;
            browser().go(base + "/my-work");
            try {
                new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                        .until(ExpectedConditions.or(
                                ExpectedConditions.presenceOfElementLocated(WORK_LIST),
                                ExpectedConditions.presenceOfElementLocated(By.id("database-down"))));
                if (browser().isPresent(WORK_LIST)) {
                    return loads;
                }
            } catch (TimeoutException slow) {
                // neither yet: ask again
            }
        }
        return 0;
    }

    /**
     * A case invitation for the first open case of the Dudley Central hub, straight into the
     * database of a production jar; returns the case's id.
     */
    static String caseInvitation(String database, String code, String label) throws Exception {
        String caseId = ProductionJar.text(
                database,
                "SELECT id FROM referrals.case_file WHERE hub_id = 'dudley-central' AND closed_at IS NULL"
                        + " ORDER BY allocated_at LIMIT 1");
        ProductionJar.execute(database, """
                INSERT INTO voice.invitation (id, code, kind, hub_id, case_id, label, age_band, created_by, created_at,
                  expires_at)
                VALUES (gen_random_uuid(), '%s', 'CASE', 'dudley-central', '%s', '%s', 'TEEN', 'test', now(),
                  now() + interval '1 day')""".formatted(code, caseId, label));
        return caseId;
    }

    /** How many feedback items are in the case's family record. */
    static long caseFeedback(String database, String caseId) throws Exception {
        return ProductionJar.count(
                database,
                "SELECT count(*) FROM referrals.case_feedback cf JOIN voice.feedback f ON f.id = cf.feedback_id"
                        + " WHERE cf.case_id = '" + caseId + "'");
    }

    /** Opens the public feedback form and waits for its Send button; says what the page shows if it never comes. */
    static void openFeedbackForm(String url) {
        browser().go(url);
        try {
            new WebDriverWait(browser().driver(), Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("send")));
        } catch (TimeoutException e) {
            browser().screenshot("feedback-form");
            throw new AssertionError(
                    "No Send button at " + browser().url() + "; the page says: "
                            + browser().pageText(),
                    e);
        }
    }

    static String words(UUID invitation) {
        return "Something is wrong at home and I want someone to know (" + invitation + ")";
    }

    /**
     * Opens a group invitation of its own (of the Dudley Central hub, for teenagers) on the public form, writes something and says "No" to
     * feeling safe, without sending yet, and waits until the page has told the server; gives the code.
     */
    static String answerWithoutSending(JdbcClient jdbc, String base, UUID invitation) {
        // Hexadecimal digits are all letters of the codes' alphabet.
        String code = invitation.toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        jdbc.sql("""
                        INSERT INTO voice.invitation (id, code, kind, hub_id, label, age_band, created_by, created_at,
                          expires_at)
                        VALUES (?, ?, 'GROUP', 'dudley-central', 'Browser test', 'TEEN', 'test', now(),
                          now() + interval '1 day')""").params(invitation, code).update();
        browser().clearCookies();
        openFeedbackForm(base + "/say/" + code);
        browser().waitFor(By.cssSelector("#answer-anything textarea")).sendKeys(words(invitation));
        browser().waitFor(By.id("choices-safe")).findElements(By.tagName("vaadin-button")).stream()
                .filter(button -> button.getText().equals("No"))
                .findFirst()
                .orElseThrow()
                .click();
        browser().waitUntilAnswered();
        return code;
    }

    /**
     * Answers "do you feel safe" on the open feedback form and sends it; waits for the "help now"
     * page after a "No", or for the form to go after a "Yes".
     */
    static void answerAndSend(boolean feelSafe) {
        WebDriverWait wait = new WebDriverWait(browser().driver(), Duration.ofSeconds(20));
        WebElement answer =
                wait.until(d -> d.findElement(By.id("choices-safe")).findElements(By.tagName("vaadin-button")).stream()
                        .filter(button -> button.getText().equals(feelSafe ? "Yes" : "No"))
                        .findFirst()
                        .orElse(null));
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].scrollIntoView();", answer);
        answer.click();
        browser().waitFor(By.id("send")).click();
        if (feelSafe) {
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("send")));
        } else {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("help-now")));
        }
    }

    /** Clicks an item that may still be moving into place (an overlay opening), trying for 2 s. */
    static void clickWhenStill(WebElement item) {
        for (int attempt = 1; ; attempt++) {
            try {
                item.click();
                return;
            } catch (ElementClickInterceptedException moving) {
                if (attempt == 10) {
                    throw moving;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw moving;
                }
            }
        }
    }

    /** Opens a select and chooses the item whose text contains {@code text} (any case). */
    static void chooseInSelect(WebElement select, String text) {
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", select);
        clickWhenStill(select);
        WebDriverWait wait = new WebDriverWait(browser().driver(), Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().toLowerCase().contains(text.toLowerCase()))
                .findFirst()
                .orElse(null));
        clickWhenStill(item);
    }

    /**
     * Waits for the sign-in page to say that the person was signed out for not using the portal,
     * and gives what it says.
     */
    static String waitForIdleSignOut(Duration limit, String failure) {
        return new WebDriverWait(browser().driver(), limit)
                .withMessage(failure)
                .until(d -> d.findElements(By.id("signed-out-idle")).stream()
                        .findFirst()
                        .map(WebElement::getText)
                        .orElse(null));
    }

    /**
     * Signs in with a demonstration account and waits for its home page. The sign-in form is sent
     * over HTTP with the sign-in page's CSRF token, as the page sends it, and the browser is given
     * the signed-in session's cookie, then opens the portal. Signing in on the page, then opening the
     * home page and the page a test is about, took Chromium 1.5-1.7 s of processor time; signing in
     * this way and opening the page, 0.5-0.6 s. {@code DemoLoginIT} signs in on the page itself, by
     * keyboard, and {@link #signInOnThePageAndWait} does it here.
     */
    static void signInAndWait(String base, String username) {
        signInAndOpen(base, username, base + "/");
        waitForHome(username);
    }

    /**
     * Signs in as {@link #signInAndWait} does, and opens the page at the address given instead of
     * the home page: one load of the portal in Chromium instead of three (sign-in page, home page,
     * page), for a test about that page. The test waits for what it expects there.
     */
    static void signInAndOpen(String base, String username, String url) {
        PortalClient person = new PortalClient(HTTP, base + "/", username, (kind, route, nanos) -> {});
        try {
            person.sendTheSignInForm();
        } catch (Exception e) {
            throw new AssertionError(username + " could not sign in: " + e.getMessage(), e);
        }
        openSignedIn(base, person.cookies(), url);
    }

    /**
     * Signs in through Keycloak over HTTP ({@link KeycloakSignIn}), forgetting whoever was signed in
     * before, and opens the page at the address given: for a test about a page of the application in
     * Keycloak mode, not about signing in (Keycloak's page and the home page are not drawn).
     */
    static void signInThroughKeycloakAndOpen(String base, String username, String url) {
        openSignedIn(base, KeycloakSignIn.portalCookies(base, username), url);
    }

    /**
     * Forgets whoever was signed in in the browser, gives it the cookies of a session signed in over
     * HTTP, and opens the page at the address given.
     */
    private static void openSignedIn(String base, Map<String, String> portalCookies, String url) {
        browser().forgetWhoWasSignedIn();
        browser().setCookies(base + "/", portalCookies);
        browser().go(url);
    }

    /** Signs in on the portal's sign-in page, as a person does, and waits for the home page. */
    static void signInOnThePageAndWait(String base, String username) {
        signInLocally(base, username, DEMO_PASSWORD);
        waitForHome(username);
    }

    private static void waitForHome(String username) {
        By home = By.cssSelector("[id^='home-'], #no-access");
        try {
            browser().waitFor(home);
        } catch (TimeoutException e) {
            Path picture = browser().screenshot("sign-in-" + username + "-" + System.currentTimeMillis());
            throw new AssertionError(
                    username + " signed in but no home page came within 30 s; the browser is at "
                            + browser().url()
                            + " (" + picture + "), and the page says: "
                            + browser().pageText(),
                    e);
        }
    }
}
