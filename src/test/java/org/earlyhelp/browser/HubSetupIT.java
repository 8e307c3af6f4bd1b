package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.imports.CsvReader;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.SharedData;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator imports the Dudley open data in the browser and builds the six hubs. */
@DemonstrationApplicationTest
class HubSetupIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    HubAdministration administration;

    @Autowired
    JdbcClient jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void anAdministratorImportsTheDudleyFilesAndBuildsSixHubs() throws Exception {
        browser().clearCookies();
        signInAndOpen(base(), "admin", base() + "/admin/hubs");
        browser().waitFor(By.id("hub-totals"));
        browser().assertAccessible("hub set-up before import");
        assertThat(browser().driver().findElement(By.id("organisations")).getDomProperty("textContent"))
                .contains("Dudley Council for Voluntary Service", "Voluntary or community (CVS)");

        upload("import-areas", "dudley/dudley_iod2019_population_lsoa11.csv", "Imported 201 rows");
        upload("import-deprivation", "dudley/dudley_iod2019_domains_lsoa11.csv", "Imported 201 rows");
        upload("import-area-boundaries", "dudley/dudley_lsoa11_boundaries.geojson", "Imported 201 rows");
        upload("import-ward-boundaries", "dudley/dudley_ward_boundaries.geojson", "Imported 24 rows");
        // A file for the wrong slot is refused whole, naming the missing column.
        upload("import-deprivation", "dudley/dudley_wards_all_codes.csv", "Nothing was imported");

        // One ward of each hub is put in it on the page; the other 18, one like another, through
        // the service the page's button calls, as the same administrator; then the page again.
        Set<String> hubsGivenAWard = new HashSet<>();
        Map<String, String> others = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : wardsByHub().entrySet()) {
            if (!hubsGivenAWard.add(e.getValue())) {
                others.put(e.getKey(), e.getValue());
                continue;
            }
            choose("ward-to-assign", e.getKey());
            choose("ward-target-hub", e.getValue());
            browser().waitFor(By.id("assign-ward")).click();
            new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream()
                            .anyMatch(c -> c.getText().startsWith(e.getKey() + ":")));
        }
        assertThat(hubsGivenAWard).hasSize(6);
        SignedIn.as("admin", Set.of(Role.ADMIN), Set.of());
        try {
            others.forEach((ward, hub) -> administration.assignWard(
                    jdbc.sql("SELECT code FROM hubs.ward WHERE name = ?")
                            .param(ward)
                            .query(String.class)
                            .single(),
                    new HubId(jdbc.sql("SELECT id FROM hubs.hub WHERE name LIKE ?")
                            .param(hub + "%")
                            .query(String.class)
                            .single())));
        } finally {
            SignedIn.nobody();
        }
        browser().go(base() + "/admin/hubs");
        browser().waitFor(By.id("hub-totals"));

        browser().screenshot("hub-setup-after-wards");
        WebElement hubTotals = browser().driver().findElement(By.id("hub-totals"));
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].scrollIntoView()", hubTotals);
        String totals = hubTotals.getDomProperty("textContent");
        assertThat(totals)
                .contains("59,116", "54,058", "52,612", "50,333", "51,158", "49,054")
                .contains("Within the range");
        List<WebElement> areas = browser().driver().findElements(By.cssSelector("#borough-map svg path"));
        assertThat(areas).hasSize(201);
        browser().screenshot("hub-setup-built");
        // Let the confirmations fade first: axe reads colours mid-animation otherwise.
        new WebDriverWait(browser().driver(), Duration.ofSeconds(15))
                .until(d ->
                        d.findElements(By.tagName("vaadin-notification-card")).isEmpty());
        browser().assertAccessible("hub set-up after building six hubs");

        // Saving a hub's status draws the hubs' rows again: focus goes to their heading, not the page.
        WebElement change = browser()
                .driver()
                .findElement(By.cssSelector("vaadin-button[aria-label='Change the status of Halesowen']"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", change);
        change.click();
        browser().waitFor(By.id("save-status")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("save-status")).isEmpty());
        browser().waitForFocus("the hubs' heading", f -> f.startsWith("H2#hubs-heading"));
    }

    @Test
    void aHubLeadCannotOpenHubSetUp() {
        browser().clearCookies();
        signInAndWait(base(), "lead.dudley-central");
        browser().waitFor(By.id("home-hub-lead"));
        browser().go(base() + "/admin/hubs");
        String text = browser().waitFor(By.tagName("main")).getText();
        assertThat(text).doesNotContain("Import open data");
        assertThat(browser().isPresent(By.id("hub-totals"))).isFalse();
    }

    private void upload(String card, String file, String expected) {
        Path path = SharedData.file(file);
        WebElement upload = browser().waitFor(By.cssSelector("#" + card + " vaadin-upload"));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(path.toAbsolutePath().normalize().toString());
        try {
            new WebDriverWait(browser().driver(), Duration.ofSeconds(60))
                    .until(d -> d.findElement(By.cssSelector("#" + card + " .import-result"))
                            .getText()
                            .contains(expected));
            // It ran in the background, with its progress on the card, and says it has finished.
            assertThat(browser().waitFor(By.id("hubs-" + card + "-status")).getText())
                    .isEqualTo("Finished importing " + path.getFileName() + ".");
        } catch (TimeoutException e) {
            browser().screenshot("hub-setup-upload-failed");
            throw new AssertionError(
                    "No \"" + expected + "\" after uploading " + file + "; the card says: "
                            + browser().waitFor(By.id(card)).getText(),
                    e);
        }
    }

    private void choose(String comboBoxId, String text) {
        WebElement input = browser().waitFor(By.cssSelector("#" + comboBoxId + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d ->
                        !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty()
                                && d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                                        .anyMatch(i -> i.getText().startsWith(text)));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    }

    /** The wards of the six illustrative neighbourhoods and their hubs' names. */
    private static Map<String, String> wardsByHub() throws Exception {
        Map<String, String> hubNames = Map.of(
                "N1", "North Dudley",
                "N2", "Dudley Central",
                "N3", "Brierley Hill",
                "N4", "Kingswinford",
                "N5", "Stourbridge",
                "N6", "Halesowen");
        Map<String, String> wards = new LinkedHashMap<>();
        try (InputStream in =
                        Files.newInputStream(SharedData.file("dudley/dudley_neighbourhoods_illustrative_summary.csv"));
                CsvReader csv = CsvReader.open(in)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                String hub = hubNames.get(row.get("neighbourhood").substring(0, 2));
                List<String> names = new ArrayList<>();
                for (String ward : row.get("wards").split(";")) {
                    names.add(ward.strip());
                }
                names.forEach(w -> wards.put(w, hub));
            }
        }
        return wards;
    }
}
