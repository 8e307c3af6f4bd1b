package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner reads the timetable of engagement with its flags, is told next to each field what an
 * empty plan lacks, and puts a consultation on the timetable.
 */
@DemonstrationApplicationTest
class EngagementsIT extends BrowserTest {

    @LocalServerPort
    int port;

    private WebDriverWait waiting() {
        return new WebDriverWait(browser().driver(), Duration.ofSeconds(15));
    }

    private WebElement scrolledTo(WebElement element) {
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    @Test
    void aPartnerSeesTheFlagsAndPlansAConsultation() {
        String base = "http://localhost:" + port;
        signInAndOpen(base, "cvs.worker", base + "/voice/engagements");
        WebElement grid = browser().waitFor(By.id("engagements-grid"));
        waiting().until(d -> grid.getDomProperty("textContent").contains("Feeling safe in the park"));
        assertThat(grid.getDomProperty("textContent"))
                .as("the demonstration's school asked three times, and the borough-wide clash")
                .contains("Asked 3 times this term")
                .contains("Clashes with");
        browser().assertAccessible("timetable of engagement");

        WebElement plan = browser().waitFor(By.id("open-plan-engagement"));
        scrolledTo(plan).click();
        WebElement save = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("engagement-save")));
        scrolledTo(save).click();
        waiting()
                .until(d -> String.valueOf(
                                d.findElement(By.id("engagement-topic")).getDomProperty("errorMessage"))
                        .contains("Say what the engagement asks about."));
        assertThat(String.valueOf(browser().waitFor(By.id("engagement-method")).getDomProperty("errorMessage")))
                .contains("Choose how children and young people are asked.");

        browser().typeInto("engagement-topic", "Getting to school on the bus");
        browser().typeInto("engagement-youngest", "11");
        browser().typeInto("engagement-oldest", "16");
        browser().typeInto("engagement-audience", "Netherton Park Youth Club");
        chooseInSelect(browser().waitFor(By.id("engagement-method")), "Survey");
        WebElement starts = browser().waitFor(By.id("engagement-starts"));
        String day = (String) ((JavascriptExecutor) browser().driver())
                .executeScript("return document.getElementById('engagement-starts').min;");
        ((JavascriptExecutor) browser().driver())
                .executeScript(
                        "for (const id of ['engagement-starts', 'engagement-ends']) {"
                                + " const p = document.getElementById(id); p.value = arguments[0];"
                                + " p.dispatchEvent(new CustomEvent('change', {bubbles: true})); }",
                        day);
        assertThat(starts).isNotNull();
        browser().typeInto("engagement-organisation", "Dudley CVS");
        scrolledTo(browser().waitFor(By.id("engagement-save"))).click();
        waiting().until(d -> grid.getDomProperty("textContent").contains("Getting to school on the bus"));
        browser().assertAccessible("timetable of engagement after planning");
        // The table as a file, as every table the portal shows.
        String csv = browser().download(scrolledTo(browser().waitFor(By.id("engagements-csv"))));
        assertThat(csv.split("\r\n")[0]).startsWith("\"First day\",\"Last day\",\"Topic\"");
        assertThat(csv).contains("\"Getting to school on the bus\",\"Netherton Park Youth Club\",\"11\",\"16\",");
    }

    @Test
    void theHubsLeadSeesWhatCameOfAnEngagementAndLinksItsInvitations() {
        String base = "http://localhost:" + port;
        signInAndOpen(base, "lead.dudley-central", base + "/voice/engagements");
        WebElement grid = browser().waitFor(By.id("engagements-grid"));
        waiting().until(d -> grid.getDomProperty("textContent").contains("What the youth club offers"));
        String lundy = browser().download(scrolledTo(browser().waitFor(By.id("engagements-lundy-csv"))));
        assertThat(lundy)
                .as("the Lundy report covers the engagement that has run, with who heard what changed")
                .contains("\"What the youth club offers\"")
                .contains("\"The youth council\"")
                .contains("Saturday opening is now part of the borough's youth offer.");

        WebElement open = waiting()
                .until(d -> d.findElements(By.cssSelector("#engagements-grid a")).stream()
                        .filter(a ->
                                String.valueOf(a.getDomProperty("textContent")).equals("What the youth club offers"))
                        .findFirst()
                        .orElse(null));
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].click();", open);
        WebElement lundyOnPage = browser().waitFor(By.id("engagement-lundy"));
        waiting().until(d -> lundyOnPage.getDomProperty("textContent").contains("heard by The youth council"));
        browser().waitFor(By.id("engagement-invitations-grid"));
        browser().assertAccessible("an engagement and what came of it");
        int before = browser()
                .driver()
                .findElements(By.cssSelector("#engagement-invitations-grid vaadin-button"))
                .size();
        assertThat(before).as("the lead may unlink what is linked").isPositive();
        scrolledTo(browser()
                        .driver()
                        .findElements(By.cssSelector("#engagement-invitations-grid vaadin-button"))
                        .getFirst())
                .click();
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#engagement-invitations-grid vaadin-button"))
                                .size()
                        == before - 1);
        WebElement choose = browser().waitFor(By.id("engagement-link-invitation-choose"));
        assertThat(String.valueOf(choose.getDomProperty("disabled"))).isEqualTo("false");
        chooseInSelect(choose, "");
        scrolledTo(browser().waitFor(By.id("engagement-link-invitation-add"))).click();
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#engagement-invitations-grid vaadin-button"))
                                .size()
                        == before);
        browser().assertAccessible("an engagement after linking");
    }
}
