package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.DemonstrationApplicationTest.SharesTheApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demonstration mode: each kind of demonstration account signs in and lands on its role's home page. */
@DemonstrationApplicationTest
@SharesTheApplication
class DemoLoginIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    /**
     * One account of each kind signs in on the real sign-in page; every demonstration account's
     * home page and menu, as its sign-in makes it, is checked without a browser
     * ({@code DemonstrationAccountsHomeTests}).
     */
    @ParameterizedTest(name = "{0} lands on {1}")
    @CsvSource({
        "admin, home-admin",
        "commissioner, home-commissioner",
        "lead.dudley-central, home-hub-lead",
        "lead.brierley-hill, home-hub-lead",
        "teacher, home-practitioner",
        "young.person, home-young-person",
    })
    void eachKindOfDemonstrationAccountSignsInAndLandsOnItsHomePage(String username, String section) {
        browser().clearCookies();
        signIn(username, "demo-early-help");
        assertThat(browser().waitFor(By.id(section)).getText()).isNotBlank();
        assertThat(browser().isPresent(By.id("no-access"))).isFalse();
        assertThat(browser().waitFor(By.id("demonstration-banner")).getText())
                .as("demonstration mode says so on every page")
                .contains("do not enter real families");
        browser().screenshot("demo-home-" + username);
        // Nobody is offered a page that would only refuse them: alerts are for leads and safeguarding leads.
        String menu = browser().waitFor(By.tagName("vaadin-side-nav")).getDomProperty("textContent");
        if (section.equals("home-hub-lead")) {
            assertThat(menu).contains("Safeguarding alerts");
        } else {
            assertThat(menu).doesNotContain("Safeguarding alerts");
        }
        String home = browser().waitFor(By.id(section)).getDomProperty("textContent");
        switch (section) {
            case "home-young-person" -> {
                assertThat(home).contains("Give feedback");
                assertThat(browser().driver().findElements(By.cssSelector("#home-young-person a[href='say']")))
                        .hasSize(1);
            }
            case "home-admin" -> {
                assertThat(home).contains("System health: ");
                // The portal runs as the run command starts it: Vaadin's production mode, with no
                // development tools or Copilot in the page (issue 21).
                assertThat(browser().driver().findElements(By.cssSelector("vaadin-dev-tools, copilot-main")))
                        .isEmpty();
                assertThat((Boolean) ((JavascriptExecutor) browser().driver())
                                .executeScript("return !!(window.Vaadin && window.Vaadin.developmentMode);"))
                        .isFalse();
            }
            default -> {}
        }
        if (username.equals("lead.dudley-central") || username.equals("teacher")) {
            assertThat(browser().waitFor(By.id(section)).getText()).contains("Dudley Central & Netherton");
        }
        if (username.equals("lead.dudley-central")) {
            // The demonstration's school concern and step-up wait for this hub's lead (ConcernDemonstrationData).
            assertThat(browser().waitFor(By.id(section)).getText())
                    .contains("Safeguarding concerns and step-ups to check with the front door");
        }
        if (Map.of("admin", 1, "lead.brierley-hill", 1, "teacher", 1, "young.person", 1)
                .containsKey(username)) {
            browser().assertAccessible("home page of " + username);
        }
    }

    @Test
    void theLoginPageListsTheDemonstrationAccountsAndIsAccessible() {
        browser().clearCookies();
        browser().go(base() + "/login");
        assertThat(browser().waitFor(By.id("demo-accounts")).getText())
                .contains("lead.dudley-central", "commissioner", "demo-early-help");
        assertThat(browser().waitFor(By.id("demonstration-banner")).getText()).contains("do not enter real families");
        browser().screenshot("login");
        browser().assertAccessible("login page");
        browser().size(390, 844);
        browser().screenshot("login-phone");
        browser().assertAccessible("login page at phone width");
        browser().size(1280, 900);
    }

    /**
     * The accessibility check itself finds what it is there to find, in the mode it runs axe in: an
     * image without words, and a button without a name inside a shadow root, as a Vaadin component
     * keeps its parts, both put into the sign-in page.
     */
    @Test
    void theAccessibilityCheckFindsWhatIsWrongInThePageAndInShadowRoots() {
        browser().clearCookies();
        browser().go(base() + "/login");
        browser().waitFor(By.id("demo-accounts"));
        ((JavascriptExecutor) browser().driver()).executeScript("""
                const image = document.createElement('img');
                image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
                image.width = 20;
                image.height = 20;
                const host = document.createElement('div');
                host.attachShadow({mode: 'open'}).innerHTML = '<button id="nameless"></button>';
                document.body.append(image, host);""");
        assertThatThrownBy(() -> browser().assertAccessible("sign-in page with two faults put in"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("button-name");
    }

    @Test
    void aWrongPasswordIsRefusedWithAPlainMessage() {
        browser().clearCookies();
        signIn("teacher", "not-the-password");
        browser().waitForUrlStartingWith(base() + "/login?error");
        assertThat(browser().waitFor(By.tagName("vaadin-login-form")).getText()).contains("Those details did not work");
        browser().assertAccessible("login page with an error");
    }

    @Test
    void repeatedWrongPasswordsPauseTheAccountEvenForTheRightOne() {
        try {
            for (int i = 0; i < 5; i++) {
                signIn("police.officer", "guess-" + i);
                browser().waitForUrlStartingWith(base() + "/login?error");
            }
            signIn("police.officer", "demo-early-help");
            browser().waitForUrlStartingWith(base() + "/login?error");
            assertThat(browser().waitFor(By.tagName("vaadin-login-form")).getText())
                    .contains("Too many attempts");
            browser().assertAccessible("login page, account paused");
        } finally {
            // The pause is kept in the database, which the other browser tests of this application
            // share: CaseAuditIT signs in as police.officer whenever the sample makes them an
            // auditor, and was refused for ten minutes after this test.
            jdbc.sql("DELETE FROM identity.login_failure WHERE username_key = 'police.officer'")
                    .update();
        }
    }

    @Test
    void aPersonWithoutARoleSeesAClearRefusal() {
        browser().clearCookies();
        signIn("no.access", "demo-early-help");
        assertThat(browser().waitFor(By.id("no-access")).getText()).contains("You do not have access yet");
        assertThat(browser().driver().getPageSource()).doesNotContain("Exception");
        browser().screenshot("demo-no-access");
        browser().assertAccessible("refusal page");
    }

    @Test
    void aPageOrRecordOutsideThePersonsWorkIsRefusedAndTheAttemptAudited() {
        browser().clearCookies();
        signIn("teacher", "demo-early-help");
        browser().waitFor(By.id("home-practitioner"));
        browser().go(base() + "/admin/audit");
        assertThat(browser().waitFor(By.id("refused")).getText()).isNotBlank();
        String crafted = UUID.randomUUID().toString();
        browser().go(base() + "/families/" + crafted);
        assertThat(browser().waitFor(By.id("refused")).getText()).isNotBlank();
        browser().assertAccessible("refused page");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE actor = 'teacher' AND action = 'refused:open-page'"
                                + " AND record_id = '/admin/audit'")
                        .query(Long.class)
                        .single())
                .as("the page asked for is on the record")
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE actor = 'teacher' AND action LIKE 'refused:%'"
                                + " AND record_id = ?")
                        .param(crafted)
                        .query(Long.class)
                        .single())
                .as("the crafted id asked for is on the record")
                .isPositive();
    }

    @Test
    void signingOutEndsTheSession() {
        browser().clearCookies();
        signIn("teacher", "demo-early-help");
        browser().waitFor(By.id("home-practitioner"));
        browser().waitFor(By.id("sign-out")).click();
        browser().waitForUrlStartingWith(base() + "/login");
        browser().go(base() + "/");
        browser().waitForUrlStartingWith(base() + "/login");
        assertThat(browser().waitFor(By.cssSelector("input[name='username']")).isDisplayed())
                .isTrue();
    }

    @Test
    void theAboutPageNamesTheLicencesAndDataSources() {
        browser().clearCookies();
        browser().go(base() + "/about");
        String text = browser().waitFor(By.id("main-content")).getText();
        assertThat(text).contains("Apache License", "Open Government Licence v3.0");
        browser().assertAccessible("about page");
    }

    private void signIn(String username, String password) {
        signInLocally(base(), username, password);
    }
}
