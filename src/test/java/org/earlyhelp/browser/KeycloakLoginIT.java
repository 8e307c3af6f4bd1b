package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Keycloak mode against the real Keycloak: each role signs in through Keycloak's own login page
 * and lands on its home page; signing out ends the Keycloak session too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class KeycloakLoginIT extends BrowserTest {

    private static final int APP_PORT = KeycloakTestServer.appPort();
    private static final String PASSWORD = "Early-help-test-1";
    private static KeycloakTestServer keycloak;

    @DynamicPropertySource
    static void keycloakMode(DynamicPropertyRegistry registry) {
        keycloak = KeycloakTestServer.start(APP_PORT);
        registry.add("server.port", () -> APP_PORT);
        registry.add("earlyhelp.keycloak.issuer-uri", keycloak::issuer);
        registry.add("earlyhelp.keycloak.client-secret", () -> "earlyhelp-portal-dev-secret");
    }

    @BeforeEach
    void forgetEveryone() {
        browser.clearCookies();
    }

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
        signInThroughKeycloak(username);
        String text = browser.waitFor(By.id(section)).getText();
        assertThat(text).isNotBlank();
        if (username.equals("hublead") || username.equals("practitioner")) {
            assertThat(text).contains("Dudley Central & Netherton");
        }
        browser.screenshot("keycloak-home-" + username);
        browser.assertAccessible("home page of " + username + " (Keycloak)");
    }

    @Test
    void signingOutEndsTheKeycloakSession() {
        signInThroughKeycloak("hublead");
        browser.waitFor(By.id("home-hub-lead"));
        browser.waitFor(By.id("sign-out")).click();
        // Back at the portal, which sends a signed-out person to Keycloak: the login form shows,
        // so Keycloak's session has ended too (a live session would sign them straight back in).
        browser.waitForUrlStartingWith(keycloak.baseUrl());
        browser.go(base() + "/");
        browser.waitForUrlStartingWith(keycloak.baseUrl());
        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
        browser.screenshot("keycloak-after-sign-out");
    }

    @Test
    void aPersonWithoutARoleSeesAClearRefusal() {
        signInThroughKeycloak("norole");
        assertThat(browser.waitFor(By.id("no-access")).getText()).contains("You do not have access yet");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
        browser.screenshot("keycloak-no-access");
        browser.assertAccessible("refusal page (Keycloak)");
    }

    private void signInThroughKeycloak(String username) {
        browser.go(base() + "/");
        browser.waitForUrlStartingWith(keycloak.baseUrl());
        browser.waitFor(By.id("username")).sendKeys(username);
        browser.waitFor(By.id("password")).sendKeys(PASSWORD);
        browser.waitFor(By.id("kc-login")).click();
        browser.waitForUrlStartingWith(base());
    }
}
