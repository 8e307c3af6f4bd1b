package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case file audit from start to end in the browser, on the demonstration's own sample: the
 * administrator sees the month's audits; the auditor finds the audit in "My work", reads the case
 * (read only), is told what a domain lacks, grades and sets an action; the lead practitioner
 * reflects; the moderator of another hub changes a grade, refused until they say why; the lead
 * marks the action done. Every page is checked with axe.
 */
@DemonstrationApplicationTest
class CaseAuditIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private WebDriverWait waiting() {
        return new WebDriverWait(browser().driver(), Duration.ofSeconds(15));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void script(String js, Object... args) {
        ((JavascriptExecutor) browser().driver()).executeScript(js, args);
    }

    /** Chooses the n-th grade (0 outstanding ... 3 inadequate) in a group of radio buttons. */
    private void chooseGrade(String group, int n) {
        browser().waitFor(By.cssSelector("#" + group + " vaadin-radio-button"));
        script("document.querySelectorAll('#" + group + " vaadin-radio-button')[" + n + "].click();");
    }

    private void waitForStage(String words) {
        // The page is rebuilt after each step: find the line again each time.
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> String.valueOf(d.findElement(By.id("audit-stage")).getDomProperty("textContent"))
                        .contains(words));
    }

    @Test
    void anAuditGoesFromTheAuditorThroughTheLeadToTheModerator() {
        String base = "http://localhost:" + port;
        Map<String, Object> audit = jdbc.sql("""
                        SELECT a.id::text AS id, a.auditor, a.lead, a.lead_name, a.moderator
                        FROM quality.case_audit a
                        WHERE a.stage = 'AUDIT' AND a.framework_version = 1
                          AND a.month = date_trunc('month', now() AT TIME ZONE 'Europe/London')::date
                        ORDER BY a.hub_id, a.id LIMIT 1""").query().singleRow();
        String id = (String) audit.get("id");
        String auditPage = base + "/quality/audits/" + id;

        signInAndOpen(base, "admin", base + "/quality/audits");
        WebElement grid = browser().waitFor(By.id("audits-grid"));
        waiting().until(d -> grid.getDomProperty("textContent").contains("Waiting for the auditor"));
        browser().assertAccessible("case file audits, administrator");

        // What the moderated audits teach: a chart with its table, and the table as a file.
        browser().go(base + "/quality/learning");
        waiting()
                .until(d -> String.valueOf(
                                d.findElement(By.id("learning-overall")).getDomProperty("textContent"))
                        .contains("grades good or better"));
        browser().waitFor(By.id("learning-domains-table"));
        browser().assertAccessible("learning from audits");
        String csv = browser().download(browser().waitFor(By.id("learning-domains-csv")));
        assertThat(csv.split("\r\n")[0])
                .isEqualTo(
                        "\"Domain\",\"Outstanding\",\"Good\",\"Requires improvement\",\"Inadequate\",\"Good or better\"");
        assertThat(csv).contains("\"Timeliness\"");

        // The auditor: the task in "My work", the case read only, then the grades.
        signInAndOpen(base, (String) audit.get("auditor"), base + "/my-work");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-tasks a[href$='" + id + "']")));
        browser().goWithinTheApplication(auditPage);
        WebElement read = browser().waitFor(By.id("audit-read-case"));
        browser().assertAccessible("case file audit, auditor");
        click(read);
        browser().waitFor(By.id("case-audit-read"));
        assertThat(browser().isPresent(By.id("open-log")))
                .as("an auditor logs nothing")
                .isFalse();
        browser().assertAccessible("case read for an audit");

        browser().go(auditPage);
        browser().waitFor(By.id("audit-grade-0"));
        int domains = browser()
                .driver()
                .findElements(By.cssSelector("#audit-grading vaadin-radio-group"))
                .size();
        assertThat(domains).isEqualTo(7);
        for (int i = 0; i < domains; i++) {
            chooseGrade("audit-grade-" + i, 1);
            if (i > 0) {
                browser().typeInto("audit-evidence-" + i, "Seen alone at every visit, words recorded (" + i + ").");
            }
        }
        click(browser().waitFor(By.id("audit-add-action")));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("audit-action-0")));
        browser().typeInto("audit-action-0", "Record the child's own words about school.");
        chooseInSelect(browser().waitFor(By.id("audit-owner-0")), (String) audit.get("lead_name"));
        script("const p = document.getElementById('audit-due-0'); p.value = p.min;"
                + " p.dispatchEvent(new CustomEvent('change', {bubbles: true}));");
        click(browser().waitFor(By.id("audit-submit")));
        click(browser().waitFor(By.cssSelector("vaadin-confirm-dialog[opened] [slot='confirm-button']")));
        waiting()
                .until(d -> String.valueOf(
                                d.findElement(By.id("audit-evidence-0")).getDomProperty("errorMessage"))
                        .contains("Say what in the case file shows this grade."));
        browser().typeInto("audit-evidence-0", "The child's words are in every visit's note.");
        click(browser().waitFor(By.id("audit-submit")));
        click(browser().waitFor(By.cssSelector("vaadin-confirm-dialog[opened] [slot='confirm-button']")));
        waitForStage("Waiting for the lead practitioner's reflection");
        browser().assertAccessible("case file audit, graded");

        // The lead practitioner reflects.
        signInAndOpen(base, (String) audit.get("lead"), auditPage);
        browser().typeInto("audit-reflection-text", "Fair: I will see the child alone about school.");
        click(browser().waitFor(By.id("audit-reflect")));
        waitForStage("Waiting for moderation");

        // The moderator changes the first grade: refused until they say why.
        signInAndOpen(base, (String) audit.get("moderator"), auditPage);
        browser().waitFor(By.id("audit-moderation"));
        browser().assertAccessible("case file audit, moderator");
        chooseGrade("moderate-grade-0", 2);
        click(browser().waitFor(By.id("moderate-save")));
        waiting()
                .until(d -> String.valueOf(
                                d.findElement(By.id("moderate-reason-0")).getDomProperty("errorMessage"))
                        .contains("Say why you change this grade."));
        browser().typeInto("moderate-reason-0", "The words are there, but nothing changed because of them.");
        click(browser().waitFor(By.id("moderate-save")));
        waitForStage("Moderated");
        assertThat(browser().waitFor(By.id("audit-grades")).getDomProperty("textContent"))
                .contains("Moderated to Requires improvement");

        // The lead marks the action done from "My work".
        signInAndOpen(base, (String) audit.get("lead"), base + "/my-work");
        WebElement task = waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-tasks a[href$='" + id + "']")));
        assertThat(task.getDomProperty("textContent")).contains("Record the child's own words about school.");
        browser().assertAccessible("my work with audit tasks");
        click(task);
        click(browser().waitFor(By.cssSelector("#audit-actions vaadin-button")));
        waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> String.valueOf(d.findElement(By.id("audit-actions")).getDomProperty("textContent"))
                        .contains("Done"));
    }
}
