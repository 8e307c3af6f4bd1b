package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.earlyhelp.portal.security.IdleSignOut;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.DemonstrationApplicationTest.SharesTheApplication;
import org.earlyhelp.testing.OpenSessions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page left open is signed out after 30 minutes without use, although it keeps asking the server
 * for news (the home page, every 5 seconds) and Vaadin's heartbeat keeps its session alive: the page
 * goes to the sign-in page, which says why, within the time it takes to ask whether it is still
 * signed in (every 5 seconds in this application, every minute by default). Typing on a page counts
 * as use even when the page sends nothing. Rather than wait half an hour, the test moves the
 * session's last use back in time in the application's own Tomcat.
 */
@DemonstrationApplicationTest
@SharesTheApplication
class IdleSignOutIT extends BrowserTest {

    private static final Duration IDLE = Duration.ofMinutes(30);

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext application;

    @Autowired
    JdbcClient jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpSession session() {
        String id = browser().driver().manage().getCookieNamed("JSESSIONID").getValue();
        return OpenSessions.find(application, id).orElseThrow(() -> new AssertionError("no session " + id));
    }

    private static long lastUsed(HttpSession session) {
        return (Long) session.getAttribute(IdleSignOut.LAST_USED);
    }

    @Test
    void theHomePageAskingForNewsDoesNotKeepAnUnusedSessionOpen() {
        signInAndWait(base(), "lead.stourbridge");
        browser().waitFor(By.id("home-hub-lead"));
        HttpSession session = session();
        String oldId = session.getId();
        // Used last 29 minutes 54 seconds ago: the home page polls every 5 seconds meanwhile.
        long expiresAt = System.currentTimeMillis() + 6_000;
        session.setAttribute(IdleSignOut.LAST_USED, expiresAt - IDLE.toMillis());

        String why = waitForIdleSignOut(
                Duration.ofSeconds(40), "the unused page was still signed in 40 s after its 30 minutes");
        System.out.printf(
                Locale.ROOT,
                "%nIdle home page on the sign-in page %.1f s after its 30 minutes were up.%n",
                (System.currentTimeMillis() - expiresAt) / 1e3);
        assertThat(why).contains("had not been used for 30 minutes").contains("not saved");
        assertThat(browser().url()).startsWith(base() + "/login");
        assertThat(browser().isPresent(By.id("home-hub-lead"))).isFalse();
        assertThat(OpenSessions.find(application, oldId))
                .as("the old session is ended")
                .isEmpty();
        browser().screenshot("signed-out-idle");
        browser().assertAccessible("sign-in page after an idle sign-out");

        // Said once: signing in again works, and coming back to the sign-in page says nothing more.
        browser().go(base() + "/login");
        browser().waitFor(By.cssSelector("input[name='username']"));
        assertThat(browser().isPresent(By.id("signed-out-idle"))).isFalse();
        signInOnThePageAndWait(base(), "lead.stourbridge");
        assertThat(browser().isPresent(By.id("home-hub-lead"))).isTrue();
    }

    @Test
    void aPageThatAsksNothingGoesToTheSignInPageWhenItsTimeIsUp() {
        signInAndOpen(base(), "teacher", base() + "/my-work");
        browser().waitFor(By.cssSelector("#my-cases, main .empty-state"));
        session().setAttribute(IdleSignOut.LAST_USED, System.currentTimeMillis() - IDLE.toMillis());
        new WebDriverWait(browser().driver(), Duration.ofSeconds(20))
                .withMessage("a page that asks nothing stayed on the screen after its time was up")
                .until(d -> !d.findElements(By.id("signed-out-idle")).isEmpty());
        assertThat(browser().isPresent(By.id("my-cases"))).isFalse();
    }

    @Test
    void pollsAndHeartbeatsAreNotUseButTypingIs() throws InterruptedException {
        signInAndWait(base(), "health.visitor");
        HttpSession session = session();
        long aged = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        session.setAttribute(IdleSignOut.LAST_USED, aged);
        // At least one poll of the home page and one question whether still signed in (each every 5
        // seconds), and Vaadin's heartbeat, which this test does not wait for.
        Thread.sleep(7_000);
        assertThat(lastUsed(session)).as("a poll or a heartbeat counted as use").isEqualTo(aged);

        // A key pressed on the page, which asks the server nothing by itself.
        long pressed = System.currentTimeMillis();
        new Actions(browser().driver()).sendKeys(Keys.SHIFT).perform();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .withMessage("a key pressed on the page did not count as use")
                .until(d -> lastUsed(session) >= pressed - 1_000);
        assertThat(browser().isPresent(By.id("home-practitioner"))).isTrue();
    }

    @Test
    void aPageLeftUnusedSaysSoBeforeItIsSignedOutAndStayingKeepsThePersonIn() {
        signInAndWait(base(), "family.worker");
        HttpSession session = session();
        long aged = System.currentTimeMillis() - Duration.ofMinutes(28).toMillis();
        session.setAttribute(IdleSignOut.LAST_USED, aged);
        // The page too last saw its person 28 minutes ago.
        ((JavascriptExecutor) browser().driver())
                .executeScript("window.earlyHelpInUse.last = Date.now() - 28 * 60 * 1000;");

        WebElement stay = new WebDriverWait(browser().driver(), Duration.ofSeconds(20))
                .withMessage("no warning before the sign-out")
                .until(d -> d.findElements(By.id("idle-stay")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        String warning = browser().waitFor(By.id("idle-warning")).getText();
        assertThat(warning)
                .contains("has not been used on this page for 27 minutes")
                .contains("not saved will be lost");
        assertThat(lastUsed(session)).as("the warning itself is not use").isEqualTo(aged);
        browser().waitForFocus("Stay signed in", f -> f.contains("Stay signed in"));
        browser().screenshot("idle-warning");
        browser().assertAccessible("warning before an idle sign-out");

        long pressed = System.currentTimeMillis();
        stay.click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .withMessage("staying signed in did not count as use")
                .until(d -> lastUsed(session) >= pressed - 1_000
                        && d.findElements(By.id("idle-stay")).isEmpty());
        assertThat(browser().isPresent(By.id("home-practitioner"))).isTrue();
    }

    @Test
    void aYoungPersonsFormIsNeverReloadedUnderThem() throws InterruptedException {
        browser().clearCookies();
        browser().go(base() + "/say");
        browser().typeInto("code", "ABCD");
        JavascriptExecutor page = (JavascriptExecutor) browser().driver();
        page.executeScript("window.stillTheSamePage = true;");
        // Longer than a signed-in page takes to ask whether it is still signed in (5 seconds here).
        Thread.sleep(7_000);
        assertThat(page.executeScript("return window.stillTheSamePage === true;"))
                .as("the feedback form reloaded, losing what was typed")
                .isEqualTo(true);
        assertThat(browser().waitFor(By.cssSelector("#code input")).getDomProperty("value"))
                .isEqualTo("ABCD");
    }

    @Test
    void aYoungPersonWhoseSessionEndedWhileTheyWroteIsToldAndKeepsTheirWords() {
        UUID invitation = UUID.randomUUID();
        answerWithoutSending(jdbc, base(), invitation);
        // Their phone slept for longer than the session lasts: the server no longer knows the page.
        // (The page has nothing on its way: ended in the middle of a request, the session would
        // fail that request, which a phone's sleep cannot do.)
        session().invalidate();
        browser().waitFor(By.id("send")).click();
        String said = new WebDriverWait(browser().driver(), Duration.ofSeconds(20))
                .withMessage("nothing said that the page had ended")
                .until(d -> d.findElements(By.cssSelector(".v-system-error")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .map(WebElement::getText)
                        .orElse(null));
        browser().screenshot("say-session-ended");
        assertThat(said)
                .contains("This page has closed")
                .contains("not sent or saved")
                .contains("copy what you want to keep");
        assertThat((Boolean) ((JavascriptExecutor) browser().driver()).executeScript("""
                        const notice = document.querySelector('.v-system-error');
                        const at = notice.getBoundingClientRect();
                        return at.top >= 0 && at.bottom <= window.innerHeight
                          && document.activeElement === notice && notice.getAttribute('role') === 'alert';"""))
                .as("the notice is on the screen where the person is, has the focus and is read out")
                .isTrue();
        browser().assertAccessible("the notice that a young person's page has closed");
        assertThat(browser()
                        .waitFor(By.cssSelector("#answer-anything textarea"))
                        .getDomProperty("value"))
                .as("what the young person wrote is still on the screen, to copy")
                .isEqualTo(words(invitation));
    }
}
