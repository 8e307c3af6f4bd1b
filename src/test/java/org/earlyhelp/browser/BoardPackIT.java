package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A board member's journey: an administrator reads the borough's pack (checked with axe), the hub
 * lead writes a section's commentary on their hub's pack, and both the PDF download and the page as
 * the browser prints it carry the sections, the figures and the commentary, without the menu.
 */
@DemonstrationApplicationTest
class BoardPackIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private WebDriverWait waiting() {
        return new WebDriverWait(browser().driver(), Duration.ofSeconds(20));
    }

    private void waitForTitle(String words) {
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> String.valueOf(
                                d.findElement(By.id("board-pack-title")).getDomProperty("textContent"))
                        .contains(words));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aBoardMemberReadsPrintsAndDownloadsThePackAndTheLeadWritesItsCommentary() throws IOException {
        String base = "http://localhost:" + port;
        String hubName = jdbc.sql("SELECT name FROM hubs.hub WHERE id = 'dudley-central'")
                .query(String.class)
                .single();

        signInAndOpen(base, "admin", base + "/board");
        waitForTitle("The whole borough");
        browser().waitFor(By.id("board-care-table"));
        browser().assertAccessible("board pack, borough");
        browser().assertChartLabelsApart("board pack, borough");
        WebElement decisions = browser().waitFor(By.id("board-decisions"));
        browser().screenshot(decisions, "board-pack-decisions");

        String printed = text(browser().print());
        assertThat(printed)
                .contains("Performance board pack: The whole borough")
                .contains("Decisions within one working day")
                .contains("Children in care and the sufficiency gap")
                .contains("The gap in children's homes places is the commissioning priority")
                .as("the print stylesheet leaves the menu and the controls out")
                .doesNotContain("Download as PDF")
                .doesNotContain("Board pack Learning from audits");

        // The hub's lead writes the commentary on their hub's pack.
        signInAndOpen(base, "lead.dudley-central", base + "/board");
        waitForTitle("The whole borough");
        chooseInSelect(browser().waitFor(By.id("board-scope")), hubName);
        browser().waitFor(By.id("board-show")).click();
        waitForTitle(hubName);
        browser().assertAccessible("board pack, hub, as its lead");
        String words = "Assessments slipped while two workers were off; both are back this month.";
        browser().typeInto("board-assessments-commentary", words);
        WebElement save = browser().waitFor(By.id("board-assessments-commentary-save"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();
        waiting().until(d -> jdbc.sql("""
                                SELECT count(*) FROM board.commentary WHERE scope = 'dudley-central'
                                  AND section = 'ASSESSMENTS' AND body = ?""").param(words).query(Integer.class).single() == 1);

        WebElement link = browser().driver().findElement(By.id("board-pdf"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        browser().screenshot("board-pack-lead");
        byte[] pdf = browser().downloadBytes(browser().waitFor(By.id("board-pdf")));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        Path saved = Path.of("target", "screenshots", "board-pack.pdf");
        Files.createDirectories(saved.getParent());
        Files.write(saved, pdf);
        String downloaded = text(pdf);
        assertThat(downloaded)
                .contains("Performance board pack: " + hubName)
                .contains("Assessments within target")
                .contains(words)
                .contains("Outcomes achieved and sustained")
                .contains("What children and families said, and what changed");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.entry WHERE action = 'export' AND record_type = 'board-pack'
                          AND record_id LIKE 'dudley-central/%'""").query(Integer.class).single())
                .as("the download is on the record")
                .isPositive();
    }
}
