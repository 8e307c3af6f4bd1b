package org.earlyhelp.browser;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    /**
     * After the database was away: loads "my work" again and again, as a person would follow the
     * message's "try again", until the cases show or the time is up. Returns how many loads it
     * took, or 0 when it never worked.
     */
    static int loadMyWorkUntilItWorks(String base, Duration limit) {
        long from = System.nanoTime();
        int loads = 0;
        while (System.nanoTime() - from < limit.toNanos()) {
            loads++;
            browser.go(base + "/my-work");
            try {
                new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                        .until(ExpectedConditions.or(
                                ExpectedConditions.presenceOfElementLocated(By.id("my-cases")),
                                ExpectedConditions.presenceOfElementLocated(By.id("database-down"))));
                if (browser.isPresent(By.id("my-cases"))) {
                    return loads;
                }
            } catch (TimeoutException slow) {
                // neither yet: ask again
            }
        }
        return 0;
    }

    /** Clicks an item that may still be moving into place (an overlay opening), trying for 2 s. */
    static void clickWhenStill(WebElement item) {
        for (int attempt = 1; ; attempt++) {
            try {
                item.click();
                return;
            } catch (org.openqa.selenium.ElementClickInterceptedException moving) {
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
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", select);
        clickWhenStill(select);
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().toLowerCase().contains(text.toLowerCase()))
                .findFirst()
                .orElse(null));
        clickWhenStill(item);
    }

    /** Signs in with a demonstration account and waits for its home page. */
    static void signInAndWait(String base, String username) {
        signInLocally(base, username, DEMO_PASSWORD);
        browser.waitFor(By.cssSelector("[id^='home-'], #no-access"));
    }
}
