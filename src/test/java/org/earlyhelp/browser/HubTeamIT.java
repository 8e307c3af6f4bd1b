package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.hubs.ServiceCategory;
import org.earlyhelp.hubs.ServiceDirectory;
import org.earlyhelp.hubs.ServiceDraft;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A hub lead sees their team and changes a practitioner's capacity, with bad input refused. */
@DemonstrationApplicationTest
class HubTeamIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ServiceDirectory directory;

    @Autowired
    HubTeams teams;

    /** Signs in and opens the page at the path given; returns the application's address. */
    private String signInAndOpen(String username, String path) {
        String base = "http://localhost:" + port;
        BrowserTest.signInAndOpen(base, username, base + path);
        return base;
    }

    @Test
    void aPractitionerFindsServicesForAFamilysNeed() {
        String base = signInAndOpen("teacher", "/services");
        WebElement grid = browser().waitFor(By.id("service-grid"));
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> grid.getDomProperty("textContent").contains("Stay and Play"));
        WebElement need = browser().waitFor(By.cssSelector("#need input"));
        need.sendKeys("Safe from domestic");
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d ->
                        !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        need.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        browser().waitFor(By.id("search-services")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("service-summary")).getText().equals("Services found: 1."));
        assertThat(grid.getDomProperty("textContent")).contains("Domestic abuse support group");
        String found = browser().download(browser().waitFor(By.id("services-csv")));
        assertThat(found.split("\r\n")).hasSize(2);
        assertThat(found).startsWith("\"Service\",").contains("\"Domestic abuse support group\",");
        browser()
                .waitFor(By.id("near-postcode"))
                .findElement(By.tagName("input"))
                .sendKeys("not a postcode");
        browser().waitFor(By.id("search-services")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("near-postcode")).getText().contains("A postcode"));
        browser().screenshot("service-directory");
        browser().assertAccessible("service directory");
    }

    @Test
    void aHubLeadAddsAServiceAndIsToldWhatToFix() {
        String base = signInAndOpen("lead.dudley-central", "/services");
        browser().waitFor(By.id("add-service")).click();
        browser().waitFor(By.cssSelector("#service-name input")).sendKeys("Homework club");
        browser().waitFor(By.id("save-service")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d ->
                        d.findElement(By.id("service-description")).getText().contains("Describe the service"));
        browser().screenshot("add-service-errors");
        browser().assertAccessible("add service with errors");
    }

    @Test
    void aHubLeadRemovesAServiceAfterConfirmingAndKeepsTheirPlace() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        try {
            directory.add(new ServiceDraft(
                    new HubId("dudley-central"),
                    new OrganisationId("dudley-cvs"),
                    "Short-lived homework club",
                    "Homework help after school, entered by mistake.",
                    ServiceCategory.ACTIVITIES,
                    Set.of(OutcomeArea.EDUCATION),
                    "Children aged 8 to 13",
                    8,
                    13,
                    "Netherton Library",
                    "Netherton",
                    "",
                    "",
                    "",
                    "",
                    "Weekdays 15:30 to 17:30"));
        } finally {
            SignedIn.nobody();
        }
        String base = signInAndOpen("lead.dudley-central", "/services");
        browser().waitFor(By.cssSelector("#service-words input")).sendKeys("Short-lived");
        browser().waitFor(By.id("search-services")).click();
        WebDriverWait wait = new WebDriverWait(browser().driver(), Duration.ofSeconds(10));
        wait.until(d -> d.findElement(By.id("service-summary")).getText().equals("Services found: 1."));
        // The row opens its details, with the button to remove it.
        wait.until(d -> d.findElements(By.cssSelector("#service-grid vaadin-grid-cell-content")).stream()
                        .filter(c -> c.getText().equals("Short-lived homework club"))
                        .findFirst()
                        .orElse(null))
                .click();
        WebElement remove = wait.until(d -> d.findElements(By.cssSelector("#service-grid vaadin-button")).stream()
                .filter(b -> b.getText().equals("Remove from the directory"))
                .findFirst()
                .orElse(null));
        // The details row can open below the grid's visible rows: bring it into view first.
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", remove);
        clickWhenStill(remove);
        browser().waitFor(By.cssSelector("[slot='confirm-button']")).click();
        wait.until(d -> d.findElement(By.id("service-summary")).getText().startsWith("No services match"));
        // The listing and its button are gone: focus goes to how many were found, not the page.
        browser().waitForFocus("the search's summary", f -> f.startsWith("P#service-summary"));
        browser().assertAccessible("service directory after removing a service");
    }

    @Test
    void aHubLeadAddsSomeoneToTheTeam() {
        String base = signInAndOpen("lead.brierley-hill", "/hub/team");
        browser().waitFor(By.id("team-grid"));
        browser().waitFor(By.id("add-member")).click();
        browser().waitFor(By.id("save-member")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("member-username")).getText().contains("A user name is"));
        browser().assertAccessible("add a team member, with errors");
        browser().waitFor(By.cssSelector("#member-username input")).sendKeys("youth.worker");
        browser().waitFor(By.cssSelector("#member-name input")).sendKeys("Yasmin Worker");
        WebElement organisation = browser().waitFor(By.cssSelector("#member-organisation input"));
        organisation.sendKeys("Dudley Council for Vol");
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d ->
                        !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        organisation.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        browser().waitFor(By.id("save-member")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("team-grid"))
                        .getDomProperty("textContent")
                        .contains("Yasmin Worker"));
    }

    @Test
    void aHubLeadChangesAPractitionersCapacity() {
        int before = franLewis().capacity();
        try {
            changeFranLewisCapacityInTheBrowser();
        } finally {
            // Other browser tests of this application allocate to Fran Lewis and read her
            // capacity: put it back as it was.
            HubMember now = franLewis();
            SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
            try {
                teams.setCapacity(now, before);
            } finally {
                SignedIn.nobody();
            }
        }
    }

    private HubMember franLewis() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        try {
            return teams.team(new HubId("dudley-central")).stream()
                    .filter(m -> m.displayName().equals("Fran Lewis"))
                    .findFirst()
                    .orElseThrow();
        } finally {
            SignedIn.nobody();
        }
    }

    private void changeFranLewisCapacityInTheBrowser() {
        String base = signInAndOpen("lead.dudley-central", "/hub/team");
        WebElement grid = browser().waitFor(By.id("team-grid"));
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> grid.getDomProperty("textContent").contains("Fran Lewis"));
        assertThat(grid.getDomProperty("textContent")).contains("Dan Morris", "Hub lead and safeguarding lead");
        browser().assertAccessible("hub team");

        browser()
                .waitFor(By.cssSelector("vaadin-button[aria-label='Change capacity of Fran Lewis']"))
                .click();
        WebElement capacity = browser().waitFor(By.cssSelector("#capacity input"));
        capacity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "75");
        browser().waitFor(By.id("save-capacity")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("capacity")).getText().contains("whole number from 0 to 60"));
        browser().screenshot("hub-team-capacity-invalid");
        browser().assertAccessible("capacity dialog with an error");

        capacity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "17");
        browser().waitFor(By.id("save-capacity")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("capacity")).isEmpty());
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("team-grid"))
                        .getDomProperty("textContent")
                        .contains("17"));
        // The rows are drawn again, so the button that opened the dialog is gone: focus goes to
        // the team's heading, not the page.
        browser().waitForFocus("the team's heading", f -> f.startsWith("H1#"));
    }
}
