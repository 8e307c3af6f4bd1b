package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.RaisedAlerts;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.testing.TestMailServer;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.FeedbackDraft;
import org.earlyhelp.voice.FeedbackForms;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Voice on a phone-sized screen: a young child answers in pictures; a teenager answers
 * anonymously, says they do not feel safe, sees where to get help, and the safeguarding lead gets
 * the alert in the portal and by e-mail; staff publish a "you said, we did" answer that appears
 * on the public page. axe checks every public page.
 */
@DemonstrationApplicationTest
class VoiceIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Invitations invitations;

    @Autowired
    FeedbackForms forms;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void phone() {
        browser().clearCookies();
        browser().size(390, 844);
    }

    @AfterEach
    void desktop() {
        browser().size(1280, 900);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser().driver(), Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement find(By by) {
        WebElement element = waiting().until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    private void press(String row, String text) {
        WebElement choice = waiting()
                .until(d -> d.findElement(By.id("choices-" + row)).findElements(By.tagName("vaadin-button")).stream()
                        .filter(b -> b.getText().equals(text) || b.getText().endsWith(" " + text))
                        .findFirst()
                        .orElse(null));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", choice);
        choice.click();
        waiting().until(d -> "true".equals(choice.getDomAttribute("aria-pressed")));
    }

    private Invitation invitation(AgeBand band) {
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        try {
            return invitations.create(InvitationKind.GROUP, new HubId("dudley-central"), null, "Youth club", band, 30);
        } finally {
            SignedIn.nobody();
        }
    }

    @Test
    void aYoungChildAnswersInPictures() {
        Invitation invitation = invitation(AgeBand.PICTURES);
        // Time to a usable form, printed as a figure (docs/performance.md).
        long loading = System.nanoTime();
        browser().go(base() + "/say/" + invitation.code());
        find(By.id("send"));
        System.out.printf(
                Locale.ROOT,
                "%nPublic feedback form usable in %.2f s (navigation to the Send button).%n",
                (System.nanoTime() - loading) / 1e9);
        find(By.id("choices-mood"));
        assertThat(browser().driver().findElement(By.tagName("h1")).getText()).isEqualTo("Tell us how you feel");
        browser().assertAccessible("picture form on a phone");
        press("mood", "Good");
        press("safe", "Yes");
        find(By.id("send")).click();
        waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("Thank you"));
        assertThat(browser().isPresent(By.id("help-now"))).isFalse();
        browser().screenshot("voice-picture-thanks");
        browser().assertAccessible("thank-you page");
    }

    @Test
    void aTeenagerWhoIsNotSafeSeesHelpAndTheSafeguardingLeadIsAlerted() throws Exception {
        Invitation invitation = invitation(null);
        String lead = "lead.dudley-central@earlyhelp.example";
        String subject = "Safeguarding alert: feedback in the dudley-central hub";
        int mailsBefore = TestMailServer.to(lead, subject).size();
        browser().go(base() + "/say");
        browser().assertAccessible("code entry");
        find(By.cssSelector("#code input")).sendKeys(invitation.displayCode(), Keys.ENTER);
        find(By.id("go")).click();
        find(By.id("band-teen")).click();
        find(By.id("choices-safe"));
        browser().waitForFocus("the form's heading", f -> f.startsWith("H1#"));
        assertThat(find(By.cssSelector("#mode vaadin-radio-button[checked]")).getText())
                .as("anonymous by default")
                .contains("nobody knows it's me");
        browser().assertAccessible("teen form on a phone");
        // A group's form has no worker: nobody is offered "my worker can know it's me".
        assertThat(find(By.id("mode")).getText()).doesNotContain("my worker");
        // Read aloud says the question and its choices; the privacy text has its own.
        ((JavascriptExecutor) browser().driver())
                .executeScript("Object.defineProperty(window, 'speechSynthesis', {configurable: true, value:"
                        + " {cancel() {}, speak(u) { window.__spoken = u.text; }}});");
        find(By.cssSelector("#question-safe .say-read")).click();
        waiting().until(d -> !"".equals(((JavascriptExecutor) d).executeScript("return window.__spoken || ''")));
        assertThat((String) ((JavascriptExecutor) browser().driver()).executeScript("return window.__spoken"))
                .contains("safe")
                .contains("Yes")
                .contains("Not sure")
                .contains("No");
        find(By.cssSelector("#say-privacy .say-read")).click();
        waiting()
                .until(d -> String.valueOf(((JavascriptExecutor) d).executeScript("return window.__spoken"))
                        .contains("confidential, but not secret"));
        // Help shows as soon as "No" is chosen, before Send, with numbers to tap.
        assertThat(browser().isPresent(By.cssSelector("#help-now-form"))
                        && browser()
                                .driver()
                                .findElement(By.id("help-now-form"))
                                .isDisplayed())
                .isFalse();
        press("safe", "No");
        WebElement helpBefore = find(By.id("help-now-form"));
        waiting().until(d -> helpBefore.isDisplayed());
        assertThat(helpBefore.findElements(By.cssSelector("a[href='tel:08001111']")))
                .hasSize(1);
        assertThat(helpBefore.findElements(By.cssSelector("a[href='tel:999']"))).hasSize(1);
        browser().screenshot("voice-help-before-send");
        browser().assertAccessible("help shown before Send");
        find(By.cssSelector("#answer-anything textarea")).sendKeys("I don't want to go home tonight");
        find(By.id("send")).click();
        WebElement help = find(By.id("help-now"));
        browser().waitForFocus("the thanks", f -> f.startsWith("H1#") && f.contains("Thank you"));
        assertThat(help.getText()).contains("0800 1111").contains("999");
        assertThat(help.findElements(By.cssSelector("a[href='tel:08001111']"))).hasSize(1);
        browser().screenshot("voice-help-now");
        browser().assertAccessible("help now");

        assertThat(TestMailServer.await(lead, subject, mailsBefore + 1, Duration.ofSeconds(15)))
                .hasSize(mailsBefore + 1);

        browser().size(1280, 900);
        signInAndWait(base(), "lead.dudley-central");
        String home = find(By.id("home-hub-lead")).getText();
        Matcher count = Pattern.compile("Safeguarding alerts from feedback waiting for you: (\\d+)")
                .matcher(home);
        assertThat(count.find()).as(home).isTrue();
        int waitingNow = Integer.parseInt(count.group(1));
        // The home page's count goes up by itself when another alert is raised, within 10 seconds.
        forms.submit(
                invitation.code(),
                new FeedbackDraft(AgeBand.TEEN, null, null, null, FeelSafe.NOT_SURE, 2, null, null, null, null),
                "10.9.9.8");
        // The section is drawn again when the count changes: a stale element is looked up again.
        WebDriverWait tenSeconds = new WebDriverWait(browser().driver(), Duration.ofSeconds(10));
        tenSeconds.ignoring(StaleElementReferenceException.class);
        tenSeconds.until(d -> d.findElement(By.id("home-hub-lead"))
                .getText()
                .contains("Safeguarding alerts from feedback waiting for you: " + (waitingNow + 1)));
        browser().goWithinTheApplication(base() + "/voice/alerts");
        find(By.cssSelector(".alert-open"));
        WebElement alert = waiting()
                .until(d -> d.findElements(By.cssSelector(".alert-open")).stream()
                        .filter(e -> e.getText().contains("said they do not feel safe"))
                        .findFirst()
                        .orElse(null));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", alert);
        // The card says what the child said, on which form, and where it came from.
        assertThat(alert.getText())
                .contains("said they do not feel safe")
                .contains("Anonymous")
                .contains("Anything else: I don't want to go home tonight")
                .contains("Feels safe: No")
                .contains("Form: I am 13 to 17, or leaving care")
                .contains("From the group session invitation \"Youth club\"");
        browser().screenshot("voice-alert-card");
        browser().assertAccessible("safeguarding alerts");
        // A new alert appears on the open page by itself, within 10 seconds, without a reload.
        int cards =
                browser().driver().findElements(By.cssSelector(".alert-open")).size();
        forms.submit(
                invitation.code(),
                new FeedbackDraft(AgeBand.CHILD, null, null, null, FeelSafe.NO, 1, null, null, null, null),
                "10.9.9.9");
        long raised = System.nanoTime();
        WebDriverWait withinTen = new WebDriverWait(browser().driver(), Duration.ofSeconds(10));
        withinTen.ignoring(StaleElementReferenceException.class);
        withinTen.until(d -> d.findElements(By.cssSelector(".alert-open")).size() == cards + 1);
        System.out.printf(
                Locale.ROOT,
                "%nA new alert appeared on the open alerts page %.1f s after it was raised.%n",
                (System.nanoTime() - raised) / 1e9);
        assertThat(find(By.cssSelector(".alert-open")).getText()).contains("Form: I am 8 to 12");
        browser().assertAccessible("safeguarding alerts, after a new one arrived");
        find(By.cssSelector(".alert-open .alert-action textarea"))
                .sendKeys("Called the youth club; worker with the child now.");
        find(By.cssSelector(".alert-open .acknowledge")).click();
        waiting()
                .until(d -> d.findElements(By.cssSelector(".alert-done")).stream()
                        .anyMatch(e -> e.getText().contains("worker with the child now")));
        // The list is drawn again: focus goes to the heading of the alert just acknowledged.
        browser()
                .waitForFocus("the acknowledged alert's heading", f -> f.startsWith("H2#") && f.contains("alert-done"));

        // A flood over the limits through the same invitation is set aside in one step, once confirmed.
        List<UUID> flood = RaisedAlerts.raise(jdbc, invitation.id(), new HubId("dudley-central"), 3, true, "0 seconds");
        browser().go(base() + "/voice/alerts");
        WebElement floods = find(By.id("alert-floods"));
        assertThat(floods.getText()).contains("From \"Youth club\": alerts over the limits waiting, 3;");
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].scrollIntoView();", floods);
        browser().screenshot("voice-alert-flood");
        browser().assertAccessible("safeguarding alerts with a flood over the limits");
        floods.findElement(By.cssSelector("vaadin-text-area textarea"))
                .sendKeys("The code was posted on a public forum; all three read.");
        floods.findElement(By.cssSelector(".set-aside")).click();
        WebElement setAside = browser().openConfirmation();
        browser().screenshot("voice-alert-flood-confirm");
        browser().assertAccessible("setting a flood aside, asked to confirm");
        setAside.click();
        waiting()
                .until(d -> jdbc.sql(
                                        "SELECT count(*) FROM voice.alert WHERE feedback_id = ANY (?) AND acknowledged_at IS NOT NULL")
                                .param(flood.toArray(UUID[]::new))
                                .query(Long.class)
                                .single()
                        == 3);
        waiting()
                .until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                        .anyMatch(n -> n.getText().contains("Alerts set aside: 3.")));
    }

    @Test
    void staffPublishAnAnswerThatAppearsOnThePublicPageWithoutPersonalData() {
        browser().size(1280, 900);
        signInAndOpen(base(), "lead.dudley-central", base() + "/voice/feedback");
        find(By.id("responses"));
        // How the measures are counted is one click from them.
        WebElement measures = find(By.id("define-voice-measures-title"));
        measures.findElement(By.tagName("summary")).click();
        waiting().until(d -> measures.getText().contains("the middle one of the times between an alert being raised"));
        browser().assertAccessible("what young people said");
        find(By.cssSelector("#responses vaadin-details")).click();
        // The theme is chosen from those confirmed on the hub's feedback, with how many carry it.
        chooseInSelect(find(By.id("response-theme")), "school (");
        find(By.cssSelector("#response-you-said textarea")).sendKeys("Homework club is too noisy to work in.");
        find(By.cssSelector("#response-decision textarea")).sendKeys("A quiet room on Thursdays.");
        LocalDate due = LocalDate.now(WorkingCalendar.LONDON).plusDays(14);
        find(By.cssSelector("#response-due input"))
                .sendKeys(due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.TAB);
        find(By.id("create-response")).click();
        WebElement card = waiting()
                .until(d -> d.findElements(By.cssSelector(".response")).stream()
                        .filter(c -> c.getText().contains("Homework club is too noisy"))
                        .findFirst()
                        .orElse(null));
        // The responses are drawn again: focus goes to the new response's heading, not the page.
        browser().waitForFocus("the new response's heading", f -> f.startsWith("H3#") && f.contains("school"));
        // The due date shows in the portal's format.
        assertThat(card.findElement(By.cssSelector(".response-due")).getText())
                .isEqualTo("Due by " + due.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)));
        assertThat(card.findElement(By.cssSelector(".response-due")).getDomAttribute("class"))
                .doesNotContain("badge-overdue");
        WebElement answer = card.findElement(By.cssSelector(".response-we-did textarea"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", answer);
        answer.sendKeys("There is now a quiet room for homework on Thursdays.");
        card.findElement(By.cssSelector(".save-answer")).click();
        WebElement publish = waiting()
                .until(d -> d.findElements(By.cssSelector(".response")).stream()
                        .filter(c -> c.getText().contains("Homework club is too noisy"))
                        .findFirst()
                        .map(c -> c.findElements(By.cssSelector(".publish")).stream()
                                .findFirst()
                                .orElse(null))
                        .orElse(null));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", publish);
        publish.click();
        waiting()
                .until(d -> d.findElements(By.cssSelector(".response")).stream()
                        .anyMatch(c -> c.getText().contains("Homework club is too noisy")
                                && c.getText().contains("Published")));
        browser().waitForFocus("the published response's heading", f -> f.startsWith("H3#") && f.contains("school"));
        WebElement published = homeworkCard();
        WebElement hearing = published.findElement(By.tagName("vaadin-details"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", hearing);
        hearing.click();
        LocalDate heardOn = LocalDate.now(WorkingCalendar.LONDON).minusDays(2);
        waiting()
                .until(d -> homeworkCard()
                        .findElement(By.cssSelector(".heard-by input"))
                        .isDisplayed());
        homeworkCard().findElement(By.cssSelector(".heard-by input")).sendKeys("Children's Partnership Board");
        homeworkCard()
                .findElement(By.cssSelector(".heard-on input"))
                .sendKeys(heardOn.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.TAB);
        homeworkCard().findElement(By.cssSelector(".what-changed textarea")).sendKeys("A room was set aside.");
        homeworkCard().findElement(By.cssSelector(".record-hearing")).click();
        String heardText = "Heard by Children's Partnership Board on "
                + heardOn.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)) + ": A room was set aside.";
        waiting().until(d -> homeworkCard().getDomProperty("textContent").contains(heardText));
        // The Lundy report and the measures download as CSV, one row for each time an answer was heard.
        String lundy = browser().download(find(By.id("lundy-csv")));
        assertThat(lundy)
                .startsWith("\"Engagement\",\"Theme\",")
                .contains(
                        "\"Homework club is too noisy to work in.\"",
                        "\"Children's Partnership Board\",\"" + heardOn + "\",\"A room was set aside.\"\r\n");
        assertThat(browser().download(find(By.id("voice-measures-csv"))))
                .startsWith("\"Measure\",\"Value\"\r\n\"Feedback received\",\"");

        // Overdue answers are flagged: this one was due yesterday and is not done.
        jdbc.sql("UPDATE voice.response SET due_on = current_date - 1, status = 'IN_PROGRESS' WHERE you_said = ?")
                .param("Homework club is too noisy to work in.")
                .update();
        browser().go(base() + "/voice/feedback");
        WebElement overdue = waiting().until(d -> homeworkCard().findElement(By.cssSelector(".response-due")));
        assertThat(overdue.getDomProperty("textContent")).startsWith("Overdue: was due by ");
        assertThat(overdue.getDomAttribute("class")).contains("badge-overdue");

        // A response is found by its words, typed and then Enter; focus stays in the search.
        WebElement search = find(By.cssSelector("#response-search input"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", search);
        search.sendKeys("HOMEWORK club", Keys.ENTER);
        waiting().until(d -> {
            List<WebElement> cards = d.findElements(By.cssSelector(".response"));
            return !cards.isEmpty()
                    && cards.stream()
                            .allMatch(c -> c.getDomProperty("textContent")
                                    .toLowerCase(Locale.ROOT)
                                    .contains("homework club"));
        });
        waiting()
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return !!document.activeElement"
                                + " && !!document.activeElement.closest('#response-search');")));
        browser().assertAccessible("responses found by a search");

        // The inbox filters: only what raised an alert.
        String code = invitation(AgeBand.TEEN).code();
        forms.submit(code, teen(FeelSafe.NO, "Filter check: someone at home scares me"), "10.1.2.3");
        forms.submit(code, teen(FeelSafe.YES, "Filter check: the club is fun"), "10.1.2.4");
        browser().go(base() + "/voice/feedback");
        waiting()
                .until(d -> d.findElement(By.id("inbox"))
                        .getDomProperty("textContent")
                        .contains("Filter check: the club is fun"));
        find(By.cssSelector("#inbox-alerts input")).click();
        find(By.id("inbox-filter")).click();
        waiting().until(d -> d.findElement(By.id("inbox-clear")).getDomAttribute("disabled") == null);
        waiting()
                .until(d -> d.findElement(By.id("inbox"))
                        .getDomProperty("textContent")
                        .contains("Filter check: someone at home"));
        assertThat(find(By.id("inbox")).getDomProperty("textContent")).doesNotContain("Filter check: the club is fun");
        List<WebElement> shown = browser().driver().findElements(By.cssSelector("#inbox .feedback-item"));
        assertThat(shown)
                .isNotEmpty()
                .allMatch(c -> c.getDomProperty("textContent").contains("Raised a safeguarding alert"));
        browser().screenshot("feedback-inbox-filtered");
        browser().assertAccessible("the inbox, filtered");

        browser().clearCookies();
        browser().size(390, 844);
        browser().go(base() + "/you-said-we-did/dudley-central");
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("quiet room for homework"));
        String page = browser().driver().findElement(By.tagName("main")).getText();
        assertThat(page)
                .contains("You said: Homework club is too noisy")
                .doesNotContain("Dan Morris")
                .doesNotContain("@");
        browser().screenshot("you-said-we-did");
        browser().assertAccessible("you said, we did (public)");
        browser().go(base() + "/say/NOT-A-REAL-CODE");
        find(By.id("bad-code"));
        browser().assertAccessible("bad code page");
    }

    private static FeedbackDraft teen(FeelSafe safe, String anything) {
        return new FeedbackDraft(AgeBand.TEEN, Mode.ANONYMOUS, null, null, safe, 3, null, null, null, anything);
    }

    /** The response card, found by its text whether or not it is scrolled into view. */
    private WebElement homeworkCard() {
        return browser().driver().findElements(By.cssSelector(".response")).stream()
                .filter(c -> c.getDomProperty("textContent").contains("Homework club is too noisy"))
                .findFirst()
                // Selenium's own kind of "not found", which waits ignore while the page loads.
                .orElseThrow(() -> new NoSuchElementException("the homework response"));
    }

    /** Issue 21: the QR code is drawn at its box size and a QR reader gets the link back from it. */
    @Test
    void anInvitationsQrCodeScansBackToItsLinkOnThePortalsOwnAddress() throws Exception {
        Invitation invitation = invitation(AgeBand.CHILD);
        browser().size(1280, 900);
        signInAndOpen(base(), "lead.dudley-central", base() + "/voice/invitations");
        WebElement card = waiting()
                .until(d -> d.findElements(By.cssSelector(".invitation")).stream()
                        .filter(c -> c.getText().contains(invitation.displayCode()))
                        .findFirst()
                        .orElse(null));
        String link = base() + "/say/" + invitation.code();
        assertThat(card.getText())
                .as("the link is on the address the portal answers on")
                .contains(link);
        WebElement qr = card.findElement(By.cssSelector("svg.invitation-qr, .invitation-qr svg"));
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", qr);
        assertThat(qr.getSize().getWidth()).as("drawn at its box size").isGreaterThanOrEqualTo(200);
        // Read as a phone would, from a picture of the screen: a picture taken while the page is
        // still settling after the scroll may not decode (a checksum error), so it is taken again
        // until one decodes, for up to 10 s. Whatever decodes must be the link.
        Result decoded = new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .ignoring(ReaderFailure.class)
                .until(d -> scan(qr));
        assertThat(decoded.getText()).isEqualTo(link);
        browser().screenshot("voice-invitation-qr");
        browser().assertAccessible("invitations with a QR code");

        // The code is closed before its day, once confirmed. The dialog opens with Cancel focused:
        // Enter pressed at once closes nothing.
        WebElement close = card.findElement(By.cssSelector(".close-code"));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", close);
        close.click();
        browser().openConfirmation();
        browser()
                .waitForFocus(
                        "Cancel, not the button that closes the code", f -> f.startsWith("VAADIN-BUTTON#: Cancel"));
        new Actions(browser().driver()).sendKeys(Keys.ENTER).perform();
        waiting()
                .until(d -> d.findElements(By.cssSelector("vaadin-confirm-dialog[opened]"))
                        .isEmpty());
        assertThat(invitations.open(invitation.code()))
                .as("Enter on Cancel closed nothing")
                .isPresent();
        close.click();
        WebElement closeNow = browser().openConfirmation();
        browser().assertAccessible("closing a code, asked to confirm");
        closeNow.click();
        waiting()
                .until(d -> d.findElements(By.cssSelector(".invitation")).stream()
                        .anyMatch(c -> c.getText().contains(invitation.displayCode())
                                && c.getText().contains("Closed on")));
        assertThat(invitations.open(invitation.code())).isEmpty();
    }

    /** Decodes the QR code in a picture of the element, or throws what the reader found wrong. */
    private static Result scan(WebElement qr) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.getScreenshotAs(OutputType.BYTES)));
            return new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        } catch (IOException | ChecksumException | FormatException | NotFoundException e) {
            throw new ReaderFailure(e);
        }
    }

    /** A picture that did not decode, unchecked so that a wait can ignore it and try again. */
    static final class ReaderFailure extends RuntimeException {
        ReaderFailure(Exception cause) {
            super(cause);
        }
    }

    @Test
    void aCareLeaverSignedInSeesTheirNamedFeedbackAgain() {
        Invitation invitation = invitation(AgeBand.TEEN);
        browser().size(1280, 900);
        signInAndOpen(base(), "young.person", base() + "/say/" + invitation.code());
        press("mood", "Good");
        // A group's form offers no "my worker can know": the name is kept locked away instead.
        WebElement named = waiting()
                .until(d -> d.findElement(By.id("mode")).findElements(By.tagName("vaadin-radio-button")).stream()
                        .filter(r -> r.getText().contains("Keep my name locked away"))
                        .findFirst()
                        .orElse(null));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", named);
        named.findElement(By.tagName("label")).click();
        find(By.cssSelector("#first-name input")).sendKeys("Jo");
        find(By.cssSelector("#answer-helping textarea")).sendKeys("My personal adviser");
        find(By.id("send")).click();
        waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("Thank you"));
        browser().goWithinTheApplication(base() + "/my-feedback");
        waiting()
                .until(d -> d.findElements(By.cssSelector(".my-feedback")).stream()
                        .anyMatch(c -> c.getText().contains("My personal adviser")));
        browser().assertAccessible("my feedback (young person)");
    }
}
