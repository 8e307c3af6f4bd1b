package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.earlyhelp.portal.security.IdleSignOut;
import org.earlyhelp.testing.KeycloakApplicationTest;
import org.earlyhelp.testing.OpenSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Keycloak mode against the real Keycloak: each role signs in through Keycloak's own login page
 * and lands on its home page; signing out ends the Keycloak session too. It shares the partner
 * API's application in Keycloak mode.
 */
@KeycloakApplicationTest
class KeycloakLoginIT extends BrowserTest {

    private static final int APP_PORT = KeycloakTestServer.appPort();
    private static final KeycloakTestServer keycloak = KeycloakTestServer.running();

    @Autowired
    ServletWebServerApplicationContext application;

    private static String base() {
        return "http://localhost:" + APP_PORT;
    }

    @ParameterizedTest(name = "{0} signs in through Keycloak and lands on {1}")
    @CsvSource({
        "practitioner, home-practitioner",
        "hublead, home-hub-lead",
        "commissioner, home-commissioner",
        "youngperson, home-young-person",
        "admin, home-admin",
    })
    void eachRoleSignsInThroughKeycloak(String username, String section) {
        signInThroughKeycloak(base(), username);
        String text = browser().waitFor(By.id(section)).getText();
        assertThat(text).isNotBlank();
        if (username.equals("hublead") || username.equals("practitioner")) {
            assertThat(text).contains("Dudley Central & Netherton");
        }
        // The home pages are the demonstration's, whose accessibility DemoLoginIT checks for each
        // kind of account; here once, for the page with the most on it.
        if (username.equals("hublead")) {
            browser().screenshot("keycloak-home-" + username);
            browser().assertAccessible("home page of " + username + " (Keycloak)");
        }
    }

    @Test
    void signingOutEndsTheKeycloakSession() {
        signInThroughKeycloak(base(), "hublead");
        browser().waitFor(By.id("home-hub-lead"));
        browser().waitFor(By.id("sign-out")).click();
        // Back at the portal, which sends a signed-out person to Keycloak: the login form shows,
        // so Keycloak's session has ended too (a live session would sign them straight back in).
        browser().waitForUrlStartingWith(keycloak.baseUrl());
        browser().go(base() + "/");
        browser().waitForUrlStartingWith(keycloak.baseUrl());
        assertThat(browser().waitFor(By.id("username")).isDisplayed()).isTrue();
        browser().screenshot("keycloak-after-sign-out");
    }

    @Test
    void aPageLeftUnusedEndsTheKeycloakSessionSoSigningInAgainAsksForThePassword() {
        signInThroughKeycloak(base(), "practitioner");
        browser().waitFor(By.id("home-practitioner"));
        String id = browser().driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpSession session = OpenSessions.find(application, id).orElseThrow();
        // Its 30 minutes are up: the home page's next poll (every 5 seconds) finds it signed out.
        session.setAttribute(
                IdleSignOut.LAST_USED,
                System.currentTimeMillis() - Duration.ofMinutes(30).toMillis());
        String why = waitForIdleSignOut(Duration.ofSeconds(30), "the unused page was still signed in");
        assertThat(why).contains("had not been used for 30 minutes");
        assertThat(browser().url()).startsWith(base() + "/signin");
        browser().assertAccessible("sign-in page after an idle sign-out (Keycloak)");
        // Keycloak's session ended with the portal's: whoever is at the screen must give the password.
        browser().waitFor(By.id("sign-in-again")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("password")).isEmpty()
                        || !d.findElements(By.id("home-practitioner")).isEmpty());
        assertThat(browser().isPresent(By.id("home-practitioner")))
                .as("signed straight back in without a password: Keycloak's session was still open")
                .isFalse();
        assertThat(browser().url()).startsWith(keycloak.baseUrl());
        assertThat(browser().waitFor(By.id("password")).isDisplayed()).isTrue();
    }

    @Test
    void aPersonWithoutARoleSeesAClearRefusal() {
        signInThroughKeycloak(base(), "norole");
        assertThat(browser().waitFor(By.id("no-access")).getText()).contains("You do not have access yet");
        assertThat(browser().driver().getPageSource()).doesNotContain("Exception");
        browser().screenshot("keycloak-no-access");
        browser().assertAccessible("refusal page (Keycloak)");
    }

    @Test
    void aUserDisabledInKeycloakLosesAccessWithinAMinute() throws Exception {
        signInThroughKeycloak(base(), "youngperson");
        browser().waitFor(By.id("home-young-person"));
        keycloak.setEnabled("youngperson", false);
        long disabledAt = System.nanoTime();
        try {
            boolean refused = false;
            while (!refused
                    && System.nanoTime() - disabledAt < Duration.ofSeconds(60).toNanos()) {
                Thread.sleep(1000);
                browser().go(base() + "/my-feedback");
                // Refused: sent to the sign-in page, which passes them on to Keycloak.
                String url = browser().driver().getCurrentUrl();
                refused = url.startsWith(keycloak.baseUrl()) || url.startsWith(base() + "/signin");
            }
            double seconds = (System.nanoTime() - disabledAt) / 1e9;
            System.out.printf(
                    Locale.ROOT, "Disabled in Keycloak: refused %.1f s later (checking every 2 s)%n", seconds);
            assertThat(refused)
                    .as("the portal still served a user disabled in Keycloak after 60 s")
                    .isTrue();
            browser().waitForUrlStartingWith(keycloak.baseUrl());
            assertThat(browser().driver().getPageSource()).doesNotContain("home-young-person");
        } finally {
            keycloak.setEnabled("youngperson", true);
        }
    }

    @Test
    void aPersonGivenAnotherRoleInKeycloakWorksWithItWithinAMinuteWithoutSigningInAgain() throws Exception {
        String moved = "moved." + UUID.randomUUID().toString().substring(0, 8);
        keycloak.addPerson(moved, "hub-lead", "dudley-central");
        signInThroughKeycloakAndWait(base(), moved);
        browser().go(base() + "/hub/queue");
        browser().waitFor(By.id("queue-decide-heading"));

        // No longer a hub lead: a practitioner now, in the same hub.
        keycloak.changeRealmRole(moved, "hub-lead", "practitioner");
        long changedAt = System.nanoTime();
        boolean refused = false;
        while (!refused
                && System.nanoTime() - changedAt < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(1000);
            browser().go(base() + "/hub/queue");
            refused = browser()
                    .waitFor(By.cssSelector("#refused, #queue-decide-heading"))
                    .getAttribute("id")
                    .equals("refused");
        }
        double seconds = (System.nanoTime() - changedAt) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Hub lead made a practitioner in Keycloak: the hub queue refused %.1f s later, without signing in"
                        + " again (checking every 2 s)%n",
                seconds);
        assertThat(refused)
                .as("60 s after Keycloak took the hub lead role away, the portal still opened the hub's queue")
                .isTrue();
        // Still signed in, now with what a practitioner may do (a quick log of their visits).
        assertThat(browser().driver().getCurrentUrl()).startsWith(base());
        browser().go(base() + "/log");
        browser().waitFor(By.cssSelector(".quick-log .empty-state, #quick-family"));
    }
}
