package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.earlyhelp.testing.KeycloakApplicationTest;
import org.earlyhelp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A commissioner sees the demonstration returns, imports the five synthetic years of SSDA903
 * returns in their place, sees who is in care, builds the SGO scenario, compares it with the
 * baseline and the gap, and exports a table.
 */
@KeycloakApplicationTest
class SufficiencyIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private void click(WebElement element) {
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * The upload sends a file's bytes as they are, and the browser's size limit is only a courtesy:
     * a request crafted by someone signed in, sent with no length or with a length over the limit,
     * is refused by the server before it is read whole, and leaves no file behind.
     */
    @Test
    void anUploadOverItsLimitIsRefusedByTheServerAndLeavesNoFileBehind() throws Exception {
        String base = "http://localhost:" + port;
        signInThroughKeycloakAndOpen(base, "commissioner", base + "/sufficiency");
        WebElement upload = browser().waitFor(By.cssSelector("#import-903 vaadin-upload"));
        JavascriptExecutor js = (JavascriptExecutor) browser().driver();
        URI target = URI.create(base + "/").resolve((String) js.executeScript("return arguments[0].target;", upload));
        long limit = ((Number) js.executeScript("return arguments[0].maxFileSize;", upload)).longValue();
        assertThat(limit).as("the browser's limit, set from the server's").isEqualTo(30L * 1024 * 1024);
        String cookies = browser().driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        Set<Path> before = uploadFiles();
        HttpClient http = HttpClient.newHttpClient();
        byte[] over = new byte[(int) limit + 1];
        // Sent as a stream, with no length given: read up to the limit, then refused.
        HttpResponse<String> streamed = http.send(
                uploadRequest(target, cookies, "streamed-over.csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(422);
        // With its length given: refused before a byte is kept. The server may close the connection
        // before the client has sent it all.
        try {
            HttpResponse<String> declared = http.send(
                    uploadRequest(target, cookies, "declared-over.csv")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(over))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(declared.statusCode()).as(declared.body()).isEqualTo(422);
        } catch (IOException closedEarly) {
            // refused before the client finished sending
        }
        // The same way, a file within the limit is taken: the requests above reached the upload.
        HttpResponse<String> within = http.send(
                uploadRequest(target, cookies, "within.csv")
                        .POST(HttpRequest.BodyPublishers.ofString("CHILD,SEX,DOB\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
        assertThat(uploadFiles())
                .as("uploads' files left in the temporary folder")
                .isSubsetOf(before);
        // The page shows what it holds at its next round trip: "Check" makes one.
        click(browser().waitFor(By.id("check-903")));
        new WebDriverWait(browser().driver(), Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("files-chosen")).getText().contains("within.csv"));
        assertThat(browser().waitFor(By.id("files-chosen")).getText())
                .startsWith("1 files ready")
                .doesNotContain("over");
    }

    private static HttpRequest.Builder uploadRequest(URI target, String cookies, String fileName) {
        return HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(60))
                .header("Cookie", cookies)
                .header("Content-Type", "text/csv")
                .header("X-Filename", fileName);
    }

    /** The files uploads are written to while they arrive, in this (the application's) JVM's temporary folder. */
    private static Set<Path> uploadFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("earlyhelp-upload-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void aCommissionerImportsReturnsAndSeesWhoIsInCare() {
        signInThroughKeycloakAndOpen(
                "http://localhost:" + port, "commissioner", "http://localhost:" + port + "/sufficiency");
        browser().waitFor(By.id("import-903"));
        // The demonstration returns, placed against the demonstration hubs' postcode lookup, and
        // the page says they are made up.
        assertThat(browser().waitFor(By.id("demonstration-notice")).getText())
                .contains("Made up: these are the demonstration's returns");
        assertThat(browser().isPresent(By.id("remove-demonstration-supply"))).isFalse();
        assertThat(browser().waitFor(By.id("stock-total")).getText()).contains("children in care on");
        assertThat(browser().waitFor(By.id("stock")).getDomProperty("textContent"))
                .contains("Placed in the borough", "Placed outside the borough", "Halesowen", "Under 5 km");
        assertThat(browser().waitFor(By.id("contracts-summary")).getText())
                .contains("beds under contract", "empty block beds cost")
                .contains("1 contract ends within 3 months");
        assertThat(browser().waitFor(By.id("contracts-grid")).getDomProperty("textContent"))
                .contains("ends within 3 months: renew or re-tender");
        assertThat(browser().waitFor(By.id("contracts-year-summary")).getText())
                .containsPattern("[0-9,]+ of [0-9,]+ contracted bed-nights were used by the council's children");
        // How the total is counted is one click from it.
        WebElement definition = browser().waitFor(By.id("define-sufficiency-stock-total"));
        click(definition.findElement(By.tagName("summary")));
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> definition.getText().contains("A child with overlapping episodes is counted once"));
        browser().assertAccessible("sufficiency, with the demonstration returns");
        // Removing a contract asks first; then focus goes to the section's heading, not the page.
        // The definition's click scrolled the page: bring the contracts back into view.
        ((JavascriptExecutor) browser().driver())
                .executeScript("document.getElementById('contracts').scrollIntoView({block: 'start'});");
        String contractsBefore = browser().waitFor(By.id("contracts-summary")).getText();
        click(browser().waitFor(By.cssSelector("#contracts-grid vaadin-button")));
        click(browser().waitFor(By.cssSelector("[slot='confirm-button']")));
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("contracts-summary")).getText().equals(contractsBefore));
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> "contracts-heading"
                        .equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
        // Focus (and the view) are on the contracts now: bring the import back into view.
        WebElement upload = browser().driver().findElement(By.cssSelector("#import-903 vaadin-upload"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", upload);
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        List<Path> fiveYears;
        try (var files = Files.list(SharedData.file("ssda903/d2i-cs-demand-model"))) {
            fiveYears = files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(fiveYears)
                .extracting(f -> f.getFileName().toString().substring(0, 4))
                .contains("2017", "2018", "2019", "2020", "2021");
        input.sendKeys(String.join(
                "\n",
                fiveYears.stream()
                        .map(f -> f.toAbsolutePath().normalize().toString())
                        .toList()));
        WebDriverWait wait = new WebDriverWait(browser().driver(), Duration.ofSeconds(60));
        // Parts of the page are drawn again after each action: an element found a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
        new WebDriverWait(browser().driver(), Duration.ofSeconds(60))
                .withMessage(() -> "files chosen: "
                        + browser().driver().findElement(By.id("files-chosen")).getText())
                .until(d ->
                        d.findElement(By.id("files-chosen")).getText().startsWith(fiveYears.size() + " files ready"));
        // Checking without saving runs in the background too, and says what it found.
        click(browser().waitFor(By.id("check-903")));
        wait.until(d -> d.findElement(By.id("import-summary")).getText().startsWith("Checked, not saved"));
        assertThat(browser().waitFor(By.id("ssda903-check-status")).getText())
                .isEqualTo("Finished checking 40 files of returns.");
        WebElement importButton = browser().waitFor(By.id("import-903-button"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", importButton);
        importButton.click();
        // Replacing the returns held asks first, saying what would change; an upload that would leave
        // fewer than half the children in care today asks a second time, explicitly.
        String figures = browser().waitFor(By.id("replace-figures")).getText();
        Matcher inCare = Pattern.compile("Children in care today: ([\\d,]+) now, ([\\d,]+) after")
                .matcher(figures);
        assertThat(inCare.find()).as(figures).isTrue();
        int now = Integer.parseInt(inCare.group(1).replace(",", ""));
        int after = Integer.parseInt(inCare.group(2).replace(",", ""));
        click(browser().waitFor(By.cssSelector("[slot='confirm-button']")));
        if (after < 0.5 * now) {
            WebElement sure = browser().waitFor(By.id("import-large-sure"));
            assertThat(browser().waitFor(By.id("import-large-replace")).getDomAttribute("disabled"))
                    .as("nothing replaced before the explicit confirmation")
                    .isNotNull();
            browser().assertAccessible("second confirmation of a large replacement");
            click(sure);
            click(browser().waitFor(By.id("import-large-replace")));
        } else {
            assertThat(browser().isPresent(By.id("import-large-sure"))).isFalse();
        }
        // The import runs in the background, its progress shown: the commissioner may leave the page
        // while it runs, and finds its result on coming back.
        wait.until(d -> d.findElement(By.id("ssda903-import-status")).getText().startsWith("Importing 40 files")
                || d.findElement(By.id("ssda903-import-status")).getText().startsWith("Finished importing"));
        browser().go("http://localhost:" + port + "/");
        browser().waitFor(By.id("home-commissioner"));
        browser().go("http://localhost:" + port + "/sufficiency");
        wait.until(d -> d.findElement(By.id("import-summary")).getText().startsWith("Imported"));
        assertThat(browser().waitFor(By.id("ssda903-import-status")).getText())
                .isEqualTo("Finished importing 40 files of returns.");
        assertThat(browser().driver().findElements(By.id("ssda903-import-progress")))
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser().waitFor(By.id("problems-csv")).getText()).contains("problems as CSV");
        // The children's ids come only with a reason, kept in the audit log.
        click(browser().waitFor(By.id("problems-with-ids")));
        WebElement reason = browser().waitFor(By.cssSelector("#with-ids-reason textarea"));
        reason.sendKeys("data");
        click(browser().waitFor(By.id("with-ids-prepare")));
        wait.until(d -> d.findElement(By.id("with-ids-reason")).getDomAttribute("invalid") != null);
        assertThat(browser().isPresent(By.id("with-ids-download"))).isFalse();
        browser().assertAccessible("asking why the children's ids are needed");
        reason.sendKeys(" team to correct the episodes on the case system");
        click(browser().waitFor(By.id("with-ids-prepare")));
        String withIds = browser().download(browser().waitFor(By.id("with-ids-download")));
        assertThat(withIds).startsWith("\"Kind\",\"Rule\",\"DfE rule\",\"Child (CHILD id)\",");
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM audit.entry WHERE actor = 'commissioner' AND action = 'export'
                                  AND record_type = 'ssda903-problems-with-child-ids'
                                  AND reason = 'data team to correct the episodes on the case system'""").query(Long.class).single()).isEqualTo(1);
        browser().driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        wait.until(d ->
                d.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
        wait.until(d -> d.findElement(By.id("stock-total")).getText().contains("children in care on"));
        assertThat(browser().waitFor(By.id("cohorts")).getText()).contains("family and friends placements");
        WebElement ofsted = browser().waitFor(By.cssSelector("#providers vaadin-upload"));
        ofsted.getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(SharedData.file("ssda903/d2i-csc-validator-be-903/scp_fake.xlsx")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        wait.until(d -> d.findElement(By.id("providers-result")).getText().contains("2 providers imported"));
        // A block contract: a bad URN is refused next to its field, then the contract is added.
        WebElement urn = browser().waitFor(By.cssSelector("#contract-urn input"));
        urn.sendKeys("12");
        browser().waitFor(By.cssSelector("#contract-provider input")).sendKeys("Oak House");
        click(browser().waitFor(By.id("add-contract")));
        wait.until(d -> d.findElement(By.id("contract-urn")).getDomAttribute("invalid") != null);
        assertThat(browser().waitFor(By.id("contract-urn")).getDomProperty("errorMessage"))
                .contains("Ofsted URN");
        urn.sendKeys(Keys.chord(Keys.CONTROL, "a"), "SC123456");
        click(browser().waitFor(By.id("add-contract")));
        // It starts today, after the end of the imported returns: added, and the page says why it is not listed.
        wait.until(d -> d.findElement(By.id("contract-added")).getText().contains("Oak House"));
        assertThat(browser().waitFor(By.id("contract-added")).getText()).contains("not in force on");

        browser().screenshot("sufficiency");
        browser().assertAccessible("sufficiency, after importing");

        // The forecast, with a scenario for the strategy, side by side, the gap and the back-test.
        browser().go("http://localhost:" + port + "/sufficiency/forecast");
        browser().waitFor(By.cssSelector("#scenario-name input")).sendKeys("Strategy");
        WebElement sgo = browser().waitFor(By.cssSelector("#scenario-sgo input"));
        // More than the cohort is refused, next to the field, with the cohort's size.
        sgo.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10000", Keys.TAB);
        click(browser().waitFor(By.id("save-scenario")));
        wait.until(d -> d.findElement(By.id("scenario-sgo"))
                .getText()
                .contains("children are in family and friends fostering on 31 Mar 2022"));
        sgo.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
        click(browser().waitFor(By.id("save-scenario")));
        WebElement strategy = wait.until(
                d -> d.findElement(By.id("compare-scenarios")).findElements(By.tagName("vaadin-checkbox")).stream()
                        .filter(c -> c.getText().contains("Strategy"))
                        .findFirst()
                        .orElse(null));
        click(strategy.findElement(By.tagName("label")));
        click(browser().waitFor(By.id("run-forecast")));
        wait.until(d -> d.findElement(By.id("side-by-side"))
                .getDomProperty("textContent")
                .contains("Strategy"));
        assertThat(browser().waitFor(By.id("side-by-side")).getDomProperty("textContent"))
                .contains("Current trends");
        // Children in care over time: observed, current trends with its band, the scenario dashed.
        WebElement overTime = browser().waitFor(By.cssSelector("svg.line-chart"));
        assertThat(overTime.findElements(By.tagName("polyline"))).hasSize(3);
        assertThat(overTime.findElements(By.tagName("polygon"))).hasSize(1);
        assertThat(overTime.getDomProperty("textContent")).contains("Observed", "Current trends", "Strategy");
        assertThat(browser().waitFor(By.id("forecast-over-time-csv")).getText()).contains("CSV");
        browser().screenshot(overTime, "forecast-over-time");
        assertThat(browser().waitFor(By.id("gap")).getDomProperty("textContent"))
                .contains("Children's homes");
        assertThat(browser().waitFor(By.id("age-gap")).getDomProperty("textContent"))
                .contains("10 to 15");
        assertThat(browser().waitFor(By.id("area-gap")).getDomProperty("textContent"))
                .contains("Outside the borough or not known");
        // Export the gap: the file the link gives, fetched in the signed-in browser. It starts with
        // UTF-8's byte-order mark (Excel on Windows reads accents right) and ends lines with CRLF.
        assertThat(browser().download(browser().waitFor(By.id("gap-csv"))))
                .startsWith("\"Placement\",\"Need\",\"Need (upper band)\",\"Places\",\"Gap\"\r\n")
                .contains("\"Children's homes\",");
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM audit.entry WHERE actor = 'commissioner' AND action = 'export'
                                  AND record_type = 'sufficiency-table' AND record_id = 'The gap: forecast need against supply'""").query(Long.class).single())
                .as("the export is in the audit log")
                .isEqualTo(1);
        WebElement gapDefinition = browser().waitFor(By.id("define-forecast-gap-title"));
        click(gapDefinition.findElement(By.tagName("summary")));
        wait.until(d -> gapDefinition.getText().contains("a negative gap is a surplus of places"));
        click(browser().waitFor(By.id("run-back-test")));
        wait.until(d -> d.findElement(By.id("back-test")).getText().contains("an error of"));
        String backTest = browser()
                .waitFor(By.id("back-test"))
                .findElement(By.tagName("p"))
                .getText();
        System.out.println("Back-test as the page shows it: " + backTest);
        assertThat(backTest).contains("with rates measured from");
        browser().screenshot("forecast");
        browser().assertAccessible("forecast and scenarios");

        // The council's returns are in, the made-up supply is still beside them: the home page
        // and both pages say so, and the commissioner removes it after a confirmation.
        assertThat(browser().driver().findElement(By.id("demonstration-notice")).getDomProperty("textContent"))
                .contains("Made-up supply from the demonstration is still held");
        browser().go("http://localhost:" + port + "/");
        String home = browser().waitFor(By.id("home-commissioner")).getText();
        assertThat(home)
                .contains("Children in care on the latest returns held: "
                        + jdbc.sql("""
                                        SELECT count(DISTINCT child_id) FROM sufficiency.episode
                                        WHERE started_on <= (SELECT max(greatest(started_on, coalesce(ended_on, started_on)))
                                                             FROM sufficiency.episode)
                                          AND (ended_on IS NULL OR ended_on > (SELECT max(greatest(started_on,
                                                 coalesce(ended_on, started_on))) FROM sufficiency.episode))""").query(Long.class).single())
                .contains("Made-up demonstration supply is still set against the council's returns")
                .doesNotContain("No placement data");
        browser().go("http://localhost:" + port + "/sufficiency");
        assertThat(browser().waitFor(By.id("demonstration-notice")).getText())
                .contains("Made-up supply from the demonstration is still held");
        click(browser().waitFor(By.id("remove-demonstration-supply")));
        // Checked once the dialog has finished fading in (half-faded colours fail any contrast check).
        WebElement remove = browser().openConfirmation();
        browser().assertAccessible("confirm removing the demonstration supply");
        click(remove);
        wait.until(d -> d.findElements(By.id("import-903")).size() == 1
                && d.findElements(By.id("demonstration-notice")).stream().noneMatch(WebElement::isDisplayed));
        assertThat(jdbc.sql("SELECT count(*) FROM sufficiency.provider WHERE list_name LIKE 'Demonstration%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM sufficiency.provider")
                        .query(Long.class)
                        .single())
                .as("the Ofsted list imported above stays")
                .isPositive();
        browser().go("http://localhost:" + port + "/");
        assertThat(browser().waitFor(By.id("home-commissioner")).getText())
                .contains("Children in care on the latest returns held")
                .doesNotContain("Made-up demonstration supply");
    }
}
