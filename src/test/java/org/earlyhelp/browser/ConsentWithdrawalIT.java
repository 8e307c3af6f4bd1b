package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hub lead records that a family withdrew consent, after a confirmation: the record is marked
 * restricted, the form is gone and focus lands on the consent section, not the page. The family is
 * the test's own (a new request under a surname no other test uses), so the shared demonstration
 * application needs no database of its own: no other test meets the restricted family.
 */
@DemonstrationApplicationTest
class ConsentWithdrawalIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestsForSupport requests;

    @Test
    void aHubLeadRecordsWithdrawnConsentAndTheRecordIsRestricted() {
        UUID family;
        try {
            family = NewFamilyRequests.submit(requests, jdbc, new HubId("dudley-central"), "Consentless")
                    .family()
                    .value();
        } finally {
            SignedIn.nobody();
        }
        String base = "http://localhost:" + port;
        signInAndOpen(base, "lead.dudley-central", base + "/families/" + family);
        WebElement disclosure = browser().waitFor(By.xpath("//vaadin-details[.//*[@id='withdraw-consent']]"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", disclosure);
        disclosure.findElement(By.cssSelector("vaadin-details-summary")).click();
        browser()
                .waitFor(By.cssSelector("#withdraw-reason textarea"))
                .sendKeys("Jade rang the hub on Monday: she no longer wants the school to share information.");
        WebElement withdraw = browser().waitFor(By.id("withdraw-consent"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", withdraw);
        withdraw.click();
        // An older dialog, built on its own, also opens with Cancel focused.
        WebElement confirm = browser().openConfirmation();
        browser()
                .waitForFocus(
                        "Cancel, not the button that withdraws consent", f -> f.startsWith("VAADIN-BUTTON#: Cancel"));
        confirm.click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.tagName("main")).getText().contains("Consent withdrawn"));
        assertThat(browser().isPresent(By.id("withdraw-consent")))
                .as("nothing left to withdraw")
                .isFalse();
        assertThat(jdbc.sql("SELECT restricted FROM referrals.family WHERE id = ?")
                        .param(family)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        browser().waitForFocus("the consent section's heading", f -> f.startsWith("H2#family-consent-heading"));
        browser().assertAccessible("family record after consent was withdrawn");
    }
}
