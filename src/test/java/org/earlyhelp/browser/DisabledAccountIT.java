package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.DemonstrationApplicationTest.SharesTheApplication;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A local account disabled while its owner is signed in loses access at the next check (every
 * 30 s by default, every 2 s in the browser tests' application), and cannot sign in again. The
 * account is enabled again afterwards, whatever happens, since other tests share the application.
 */
@DemonstrationApplicationTest
@SharesTheApplication
class DisabledAccountIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDisabledAccountLosesAccessWithinTheRecheckTime() {
        String base = "http://localhost:" + port;
        signInAndWait(base, "housing.officer");
        browser().waitFor(By.id("home-practitioner"));
        try {
            enabled(false);
            long disabled = System.nanoTime();
            boolean refused = false;
            for (int i = 0; i < 10 && !refused; i++) {
                browser().go(base + "/my-work");
                try {
                    new WebDriverWait(browser().driver(), Duration.ofSeconds(3))
                            .until(ExpectedConditions.presenceOfElementLocated(
                                    By.cssSelector("input[name='username']")));
                    refused = true;
                } catch (TimeoutException stillIn) {
                    // still signed in: the next check has not come round yet
                }
            }
            assertThat(refused)
                    .as("the disabled account was sent to the sign-in page")
                    .isTrue();
            assertThat(browser().waitFor(By.id("signed-out-disabled")).getText())
                    .contains("this account can no longer sign in");
            System.out.printf(
                    Locale.ROOT,
                    "%nDisabled account refused %.1f s after it was disabled (check every 2 s).%n",
                    (System.nanoTime() - disabled) / 1e9);
            signInLocally(base, "housing.officer", DEMO_PASSWORD);
            new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
            assertThat(browser().isPresent(By.id("home-practitioner"))).isFalse();
        } finally {
            enabled(true);
        }
    }

    @Test
    void aDisabledAccountFoundByAPagesOwnRequestIsStillToldWhy() throws InterruptedException {
        String base = "http://localhost:" + port;
        signInAndWait(base, "housing.officer");
        browser().waitFor(By.id("home-practitioner"));
        try {
            enabled(false);
            // Past the next check (every 2 s here), the page's own request in the background (here
            // the event that says the page is in use) is the one that finds the account disabled.
            Thread.sleep(2_500);
            ((JavascriptExecutor) browser().driver())
                    .executeScript("document.body.dispatchEvent(new CustomEvent('earlyhelp-in-use'));");
            Thread.sleep(1_500);
            browser().go(base + "/my-work");
            browser().waitFor(By.cssSelector("input[name='username']"));
            assertThat(browser().isPresent(By.id("signed-out-disabled")))
                    .as("the sign-in page said why, although a background request had ended the session")
                    .isTrue();
            assertThat(browser().waitFor(By.id("signed-out-disabled")).getText())
                    .contains("this account can no longer sign in");
        } finally {
            enabled(true);
        }
    }

    /** Enables or disables the demonstration account these tests sign in as, as an administrator would. */
    private void enabled(boolean enabled) {
        jdbc.sql("UPDATE identity.account SET enabled = ? WHERE username = 'housing.officer'")
                .param(enabled)
                .update();
    }
}
