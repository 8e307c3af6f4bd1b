package org.earlyhelp.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.DemonstrationApplicationTest.SharesTheApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every staff page read in the pseudo-locale {@code en-XA}, which the browser asks for as its
 * language: each word the page itself says (headings, buttons, labels, menus, column headers,
 * messages) comes from the translation files, so a council's translators can give every page in
 * another language. A hard-coded text fails the test, naming the page and the text. Data (names,
 * what people wrote, table cells, chart labels) is left out.
 */
@DemonstrationApplicationTest
@SharesTheApplication
class StaffPagesLanguageIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void askForThePseudoLocale() {
        reopenBrowser("en-XA");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Signs in, then reads each page, collecting every page's hard-coded words before failing. */
    private void read(String username, List<String> routes, List<String> failures) {
        signInLocally(base(), username, DEMO_PASSWORD);
        new WebDriverWait(browser().driver(), Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/login"));
        for (String route : routes) {
            browser().goWithinTheApplication(base() + "/" + route);
            browser().waitFor(By.cssSelector("main h1, h1"));
            settle();
            if (browser().isPresent(By.id("unexpected-error"))) {
                failures.add(username + " on /" + route + " failed with an unexpected error: see the log");
                continue;
            }
            try {
                browser().assertEveryStaffWordFromTheFiles(username + " on /" + route);
            } catch (AssertionError bare) {
                failures.add(bare.getMessage());
            }
        }
    }

    /** Waits for the page's tables to load and its words to arrive. */
    private void settle() {
        new WebDriverWait(browser().driver(), Duration.ofSeconds(20))
                .withMessage(
                        () -> "the page did not settle in the pseudo-locale: "
                                + browser().driver().getCurrentUrl()
                                + " says "
                                + ((JavascriptExecutor) browser().driver())
                                        .executeScript(
                                                "return document.querySelector('h1') && document.querySelector('h1').textContent"))
                .until(
                        d -> Boolean.TRUE.equals(
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "return !document.querySelector('vaadin-grid[loading], vaadin-connection-indicator[loading]')"
                                                        + " && (document.querySelector('main') || document.body).textContent.includes('⟦')")));
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyStaffPageTakesEveryWordFromTheTranslationFiles() {
        Map<String, Object> open = jdbc.sql("""
                        SELECT lead, id, family_id FROM referrals.case_file WHERE closed_at IS NULL
                        ORDER BY allocated_at LIMIT 1""").query().singleRow();
        String lead = (String) open.get("lead");
        UUID caseId = (UUID) open.get("id");
        UUID familyId = (UUID) open.get("family_id");

        // A moderated audit of the hub's, with grades, a moderation and actions to show.
        String audit = jdbc.sql("""
                        SELECT id::text FROM quality.case_audit WHERE hub_id = 'dudley-central'
                        ORDER BY stage = 'DONE' DESC, month, id LIMIT 1""").query(String.class).single();

        String engagement = jdbc.sql("SELECT id::text FROM voice.engagement WHERE topic = 'What the youth club offers'")
                .query(String.class)
                .single();

        List<String> failures = new ArrayList<>();
        // Before signing in: the portal's own sign-in page.
        browser().clearCookies();
        browser().go(base() + "/login");
        browser().waitFor(By.cssSelector("input[name='username']"));
        settle();
        try {
            browser().assertEveryStaffWordFromTheFiles("the sign-in page");
        } catch (AssertionError bare) {
            failures.add(bare.getMessage());
        }
        read(
                "lead.dudley-central",
                List.of(
                        "",
                        "hub/dashboard",
                        "hub/queue",
                        "hub/team",
                        "borough",
                        "voice/feedback",
                        "voice/alerts",
                        "voice/invitations",
                        "services",
                        "my-work",
                        "requests",
                        "requests/new",
                        "log",
                        "about",
                        "cases/" + caseId,
                        "quality/framework",
                        "quality/audits",
                        "quality/audits/" + audit,
                        "quality/learning",
                        "board",
                        "voice/engagements",
                        "voice/engagements/" + engagement),
                failures);
        read(lead, List.of("cases/" + caseId, "families/" + familyId, "my-work", "log"), failures);
        // The refusal and the page that is not there are pages too.
        read(
                "cvs.worker",
                List.of(
                        "requests/new",
                        "requests",
                        "my-work",
                        "services",
                        "admin/audit",
                        "families/" + UUID.randomUUID()),
                failures);
        read("commissioner", List.of("sufficiency", "sufficiency/forecast", "borough"), failures);
        read(
                "admin",
                List.of(
                        "admin/hubs",
                        "admin/audit",
                        "admin/data-protection",
                        "admin/alerts",
                        "services",
                        "quality/framework",
                        "quality/audits",
                        "quality/learning",
                        "board"),
                failures);
        read("young.person", List.of("my-feedback"), failures);
        Assertions.assertThat(failures)
                .as("staff pages with words not from the translation files")
                .isEmpty();
    }
}
