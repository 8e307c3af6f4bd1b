package org.earlyhelp.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** One headless Chromium per test class, and signing in with a demonstration account. */
abstract class BrowserTest {

    /** Every demonstration account's password. */
    static final String DEMO_PASSWORD = "demo-early-help";

    protected static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Signs in on the portal's own sign-in page, forgetting whoever was signed in before. */
    static void signInLocally(String base, String username, String password) {
        browser.clearCookies();
        browser.go(base + "/login");
        browser.waitFor(By.cssSelector("input[name='username']")).sendKeys(username);
        browser.waitFor(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    /** Signs in with a demonstration account and waits for its home page. */
    static void signInAndWait(String base, String username) {
        signInLocally(base, username, DEMO_PASSWORD);
        browser.waitFor(By.cssSelector("[id^='home-'], #no-access"));
    }
}
