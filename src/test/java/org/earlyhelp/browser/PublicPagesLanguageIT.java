package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.DemonstrationApplicationTest.SharesTheApplication;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The young person's form and the public "you said, we did" page in a language the person picks,
 * read with the pseudo-locales: every word comes from the translation files (nothing hard-coded),
 * longer words still fit, and right to left the pages are laid out from the right.
 */
@DemonstrationApplicationTest
@SharesTheApplication
class PublicPagesLanguageIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Invitations invitations;

    @Autowired
    JdbcClient jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    private void pick(String language) {
        chooseInSelect(browser().waitFor(By.id("language")), language);
        new WebDriverWait(browser().driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().contains("⟦"));
    }

    @Test
    void theFormAndTheAnswersReadInThePickedLanguageAndRightToLeft() {
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        Invitation invitation;
        try {
            invitation = invitations.create(
                    InvitationKind.GROUP, new HubId("dudley-central"), null, "Youth club", AgeBand.TEEN, 30);
        } finally {
            SignedIn.nobody();
        }
        jdbc.sql("""
                        INSERT INTO voice.response (id, hub_id, theme, you_said, owner, decision, status, we_did,
                          approved_by, approved_at, published_at, created_at)
                        VALUES (?, 'dudley-central', 'Somewhere to go', 'There is nowhere to go after school.',
                          'Hub lead', 'Open the hall', 'DONE', 'The hall opens on Fridays.', 'Hub lead', now(), now(),
                          now())""").param(UUID.randomUUID()).update();

        browser().go(base() + "/say/" + invitation.code());
        browser().waitFor(By.id("send"));
        assertThat(browser().waitFor(By.id("language")).getText()).contains("English");
        browser().assertAccessible("teen form, English, with the language picker");

        pick("longer");
        browser().waitFor(By.id("send"));
        browser().assertEveryWordFromTheFiles("teen form, pseudo-locale");
        browser().assertAccessible("teen form, pseudo-locale (longer words)");

        pick("right to left");
        browser().waitFor(By.id("send"));
        browser().assertRightToLeft("teen form");
        browser().assertEveryWordFromTheFiles("teen form, right to left");
        // What the form says when nothing is answered comes from the files too.
        browser().waitFor(By.id("send")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("say-problems")).getText().contains("⟦"));
        browser().assertEveryWordFromTheFiles("teen form's problems, right to left");
        browser().assertAccessible("teen form, right to left");
        browser().screenshot("say-right-to-left");

        // The choice holds for the visit: the public answers page is right to left too.
        browser().go(base() + "/you-said-we-did/dudley-central");
        browser().waitFor(By.cssSelector(".say-answer"));
        browser().assertRightToLeft("you said, we did");
        browser().assertEveryWordFromTheFiles("you said, we did, right to left");
        browser().assertAccessible("you said, we did, right to left");
        browser().screenshot("you-said-we-did-right-to-left");

        browser().go(base() + "/say");
        browser().waitFor(By.id("code"));
        browser().assertEveryWordFromTheFiles("code entry, right to left");
        browser().assertAccessible("code entry, right to left");
    }
}
