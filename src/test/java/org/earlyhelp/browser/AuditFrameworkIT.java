package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator writes the next version of the audit framework: a domain without a name is
 * refused next to its field, nothing published; a new domain is added, the version published
 * after a confirmation, and a hub lead reads it without an editor.
 */
@DemonstrationApplicationTest
class AuditFrameworkIT extends BrowserTest {

    @LocalServerPort
    int port;

    private WebDriverWait waiting() {
        return new WebDriverWait(browser().driver(), Duration.ofSeconds(15));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void publishAndConfirm() {
        click(browser().waitFor(By.id("framework-publish")));
        click(browser().waitFor(By.cssSelector("vaadin-confirm-dialog[opened] [slot='confirm-button']")));
    }

    @Test
    void anAdministratorPublishesTheNextVersionAndAHubLeadReadsIt() {
        String base = "http://localhost:" + port;
        signInAndOpen(base, "admin", base + "/quality/framework");
        WebElement shown = browser().waitFor(By.id("framework-shown"));
        assertThat(shown.getDomProperty("textContent"))
                .as("the demonstration's first version")
                .contains("The child's lived experience and voice")
                .contains("Requires improvement");
        browser().assertAccessible("audit framework, administrator");
        String publishLabel = browser().waitFor(By.id("framework-publish")).getText();

        // A domain without a name: refused next to the field, nothing published.
        browser().typeInto("domain-1-name", "");
        browser().typeInto("framework-note", "Adds a domain on working with schools.");
        publishAndConfirm();
        waiting()
                .until(d -> String.valueOf(d.findElement(By.id("domain-1-name")).getDomProperty("errorMessage"))
                        .contains("Give the domain a name."));
        assertThat(browser().waitFor(By.id("framework-publish")).getText()).isEqualTo(publishLabel);

        browser().typeInto("domain-1-name", "The child's lived experience and voice");
        int before = browser()
                .driver()
                .findElements(By.cssSelector(".framework-domain-form"))
                .size();
        click(browser().waitFor(By.id("framework-add-domain")));
        // The new domain's form comes from the server: wait for it, not for the last one there was.
        int n = before + 1;
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("domain-form-" + n)));
        browser().typeInto("domain-" + n + "-name", "Working with schools");
        browser().typeInto("domain-" + n + "-question", "Does the school know the plan and play its part?");
        browser().typeInto("domain-" + n + "-outstanding", "The school leads parts of the plan.");
        browser().typeInto("domain-" + n + "-good", "The school attends reviews and knows the plan.");
        browser().typeInto("domain-" + n + "-requiresImprovement", "The school is told, but not involved.");
        browser().typeInto("domain-" + n + "-inadequate", "The school does not know there is a plan.");
        browser().assertAccessible("audit framework editor with a new domain");
        publishAndConfirm();
        waiting()
                .until(d -> d.findElement(By.id("framework-shown"))
                        .getDomProperty("textContent")
                        .contains("Working with schools"));
        assertThat(browser().waitFor(By.id("framework-publish")).getText())
                .as("the editor now starts from the new version")
                .isNotEqualTo(publishLabel);

        signInAndOpen(base, "lead.dudley-central", base + "/quality/framework");
        waiting()
                .until(d -> d.findElement(By.id("framework-shown"))
                        .getDomProperty("textContent")
                        .contains("Does the school know the plan and play its part?"));
        assertThat(browser().isPresent(By.id("framework-editor"))).isFalse();
        browser().assertAccessible("audit framework, hub lead");
    }
}
