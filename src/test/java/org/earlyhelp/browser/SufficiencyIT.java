package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.earlyhelp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A commissioner imports two years of SSDA903 returns and sees who was in care on a date. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earlyhelp.test.isolated=sufficiency-browser")
class SufficiencyIT extends BrowserTest {

    @LocalServerPort
    int port;

    private void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    @Test
    void aCommissionerImportsReturnsAndSeesWhoIsInCare() {
        signInAndWait("http://localhost:" + port, "commissioner");
        browser.go("http://localhost:" + port + "/sufficiency");
        browser.waitFor(By.id("import-903"));
        browser.assertAccessible("sufficiency, before any import");
        WebElement upload = browser.waitFor(By.cssSelector("#import-903 vaadin-upload"));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        for (String name :
                new String[] {"2020-header.csv", "2020-episodes.csv", "2021-header.csv", "2021-episodes.csv"}) {
            Path file = SharedData.file("ssda903/d2i-cs-demand-model/" + name);
            input.sendKeys(file.toAbsolutePath().normalize().toString());
        }
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("files-chosen")).getText().startsWith("4 files ready"));
        WebElement importButton = browser.waitFor(By.id("import-903-button"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", importButton);
        importButton.click();
        wait.until(d -> d.findElement(By.id("import-summary")).getText().startsWith("Imported"));
        wait.until(d -> d.findElement(By.id("stock-total")).getText().contains("children in care on"));
        assertThat(browser.waitFor(By.id("cohorts")).getText()).contains("family and friends placements");
        WebElement ofsted = browser.waitFor(By.cssSelector("#providers vaadin-upload"));
        ofsted.getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(SharedData.file("ssda903/d2i-csc-validator-be-903/scp_fake.xlsx")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        wait.until(d -> d.findElement(By.id("providers-result")).getText().contains("2 providers imported"));
        browser.screenshot("sufficiency");
        browser.assertAccessible("sufficiency, after importing");

        // The forecast, with a scenario for the strategy, side by side, the gap and the back-test.
        browser.go("http://localhost:" + port + "/sufficiency/forecast");
        browser.waitFor(By.cssSelector("#scenario-name input")).sendKeys("Strategy");
        WebElement discharge = browser.waitFor(By.cssSelector("#scenario-discharge input"));
        discharge.sendKeys(
                org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                "5",
                org.openqa.selenium.Keys.TAB);
        click(browser.waitFor(By.id("save-scenario")));
        WebElement strategy = wait.until(
                d -> d.findElement(By.id("compare-scenarios")).findElements(By.tagName("vaadin-checkbox")).stream()
                        .filter(c -> c.getText().contains("Strategy"))
                        .findFirst()
                        .orElse(null));
        click(strategy.findElement(By.tagName("label")));
        click(browser.waitFor(By.id("run-forecast")));
        wait.until(d -> d.findElement(By.id("side-by-side"))
                .getDomProperty("textContent")
                .contains("Strategy"));
        assertThat(browser.waitFor(By.id("side-by-side")).getDomProperty("textContent"))
                .contains("Current trends");
        assertThat(browser.waitFor(By.id("gap")).getDomProperty("textContent")).contains("Children's homes");
        click(browser.waitFor(By.id("run-back-test")));
        wait.until(d -> d.findElement(By.id("back-test")).getText().contains("an error of"));
        browser.screenshot("forecast");
        browser.assertAccessible("forecast and scenarios");
    }
}
