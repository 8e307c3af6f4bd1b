package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.DemonstrationApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole early help journey in the browser: a practitioner asks for help, the hub lead decides
 * and allocates, the lead practitioner assesses, plans, logs a contact, reviews and closes, and
 * the family's timeline shows it all. Another hub's lead cannot reach the family.
 */
@DemonstrationApplicationTest
class ReferralJourneyIT extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    PostcodeLookup postcodes;

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    private String base() {
        return "http://localhost:" + port;
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser().driver(), Duration.ofSeconds(15));
        // Views rebuild themselves after each action: an element read mid-rebuild is read again.
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void aFamilyGoesFromRequestToClosureAndTheTimelineShowsItAll() {
        String postcode = postcodes.postcodesIn(new HubId("dudley-central"), 1).getFirst();
        String surname = "Quillfeather";

        // A teacher asks for early help; the form first refuses what is missing, field by field.
        signInAndOpen(base(), "teacher", base() + "/requests/new");
        radio("safeguarding-question", "No");
        find(By.id("request-form"));
        click(find(By.id("send-request")));
        waiting().until(d -> d.findElement(By.id("form-errors")).getText().contains("things to fix"));
        assertThat(find(By.id("member-0-given")).getText()).contains("Give the first name");
        browser().screenshot("request-errors");
        accessible("request for support, with errors");

        type("member-0-given", "Jade");
        type("member-0-family", surname);
        date("member-0-born", LocalDate.of(1990, 4, 12));
        type("member-1-given", "Leo");
        type("member-1-family", surname);
        date("member-1-born", LocalDate.now().minusYears(9));
        // Adding a family member takes the keyboard to the new person's first field; removing them,
        // on to adding someone again.
        click(find(By.id("add-member")));
        waitForFocusWithin("member-2-given");
        WebElement third = find(By.id("member-2-given")).findElement(By.xpath("./ancestor::vaadin-form-layout[1]"));
        click(third.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.getDomProperty("textContent").contains("Remove"))
                .findFirst()
                .orElseThrow());
        waitForFocusWithin("add-member");
        type("address", "12 Castle Street, Dudley");
        // A postcode no hub covers reveals the hub choice, and the keyboard goes to it.
        type("postcode", "ZZ99 9ZZ");
        waitForFocusWithin("chosen-hub");
        type("postcode", postcode);
        waiting().until(d -> d.findElement(By.id("hub-found")).getText().contains("Dudley Central"));
        click(find(By.id("need-education")));
        typeArea("need-text-education", "Leo has missed a third of school this term.");
        typeArea("tried", "Attendance meetings at school.");
        type("consent-by", "Jade " + surname + " (mother)");
        select("consent-how", "In person");
        typeArea("consent-share", "School, health and the hub's team");
        click(find(By.id("send-request")));
        if (browser().isPresent(By.id("match-none"))) {
            click(find(By.id("match-none")));
        }
        WebElement done = find(By.id("request-done"));
        waiting().until(d -> done.getText().contains("Dudley Central"));
        browser().waitForFocus("the request's confirmation", f -> f.startsWith("H2#request-sent"));
        browser().go(base() + "/requests");
        waiting()
                .until(d -> d.findElement(By.id("my-requests"))
                        .getDomProperty("textContent")
                        .contains(surname));
        accessible("my requests");

        // The hub lead decides within the working day, then allocates a lead and a team.
        signInAndOpen(base(), "lead.dudley-central", base() + "/hub/queue");
        WebElement decide =
                find(By.cssSelector("vaadin-button[aria-label='Decide the request for the " + surname + " family']"));
        assertThat(find(By.id("decide-grid")).getDomProperty("textContent")).contains("working day");
        accessible("hub queue");
        // On a 1366 px laptop the queue's Action column is in view, with no sideways scroll.
        Dimension before = browser().driver().manage().window().getSize();
        browser().size(1366, 768);
        WebElement action =
                find(By.cssSelector("vaadin-button[aria-label='Decide the request for the " + surname + " family']"));
        waiting()
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript(
                                "const b = arguments[0].getBoundingClientRect();"
                                        + " const g = document.getElementById('decide-grid').getBoundingClientRect();"
                                        + " return b.width > 0 && b.right <= g.right + 1"
                                        + " && b.right <= document.documentElement.clientWidth;",
                                action)));
        browser().assertNoSidewaysScroll("hub queue at 1366 px");
        browser().screenshot("hub-queue-1366");
        browser().size(before.getWidth(), before.getHeight());
        click(decide);
        radio("decide-level", "3:");
        radio("decide-outcome", "Early help in this hub");
        typeArea("decide-reasons", "School attendance and more: targeted early help.");
        accessible("decision dialog");
        click(find(By.id("save-decision")));
        // The decided row has left the list: focus goes to the heading of the list it moved to.
        waiting()
                .until(d -> "queue-allocate-heading"
                        .equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
        WebElement allocate = find(By.cssSelector(
                "vaadin-button[aria-label='Allocate a lead practitioner for the " + surname + " family']"));
        click(allocate);
        find(By.id("allocate-lead"));
        assertThat(find(By.id("allocate-lead")).getText())
                .contains("Fran Lewis")
                .contains(" of 15 cases");
        radio("allocate-lead", "Fran Lewis");
        checkbox("allocate-team", "Vic Adeyemi");
        accessible("allocation dialog");
        click(find(By.id("save-allocation")));
        waiting()
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(
                        "vaadin-button[aria-label='Allocate a lead practitioner for the " + surname + " family']")));

        // The referrer sees the decision.
        signInAndOpen(base(), "teacher", base() + "/requests");
        waiting()
                .until(d -> d.findElement(By.id("my-requests"))
                        .getDomProperty("textContent")
                        .contains("Early help in this hub"));

        // The lead practitioner assesses, plans, logs a contact, reviews and closes.
        signInAndOpen(base(), "family.worker", base() + "/my-work");
        WebElement link = find(By.linkText(surname + " family"));
        accessible("my work");
        click(link);
        find(By.id("case-summary"));
        typeArea("assess-education-strengths", "Leo loves football; mum wants help.");
        typeArea("assess-education-worries", "Late most mornings.");
        typeArea("assess-education-child", "I hate mornings.");
        typeArea("assess-education-parents", "Mornings are chaos.");
        accessible("assessment");
        click(find(By.id("save-assessment")));
        // textContent, not getText: the summary may be scrolled out of view by then.
        waiting()
                .until(d -> d.findElement(By.id("case-summary"))
                        .getDomProperty("textContent")
                        .contains("Next review due"));

        tab("Plan");
        open("open-add-outcome");
        select("outcome-area", "education");
        type("outcome-text", "Leo attends school at least 95% of days.");
        click(find(By.id("add-outcome")));
        open("open-add-action");
        find(By.id("action-text"));
        type("action-text", "Morning routine chart");
        date("action-due", LocalDate.now().plusWeeks(2));
        click(find(By.id("add-action")));
        waiting()
                .until(d -> d.findElement(By.id("tab-plan"))
                        .getDomProperty("textContent")
                        .contains("Morning routine chart"));
        // The form is rebuilt after saving: focus goes back to its section's heading, not to the page.
        waiting()
                .until(
                        d -> "H2:Plan"
                                .equals(
                                        ((JavascriptExecutor) d)
                                                .executeScript(
                                                        "const a = document.activeElement; return a ? a.tagName + ':' + a.textContent : ''")));
        // Checked as it is, without loading the page again: a calendar opened by typing the date
        // used to leave the layout aria-hidden in some runs once the form was rebuilt.
        accessible("plan");

        tab("Work log");
        open("open-log");
        radio("contact-kind", "Home visit");
        type("contact-minutes", "60");
        click(find(By.id("contact-seen")));
        typeArea("contact-views", "I want to walk to school with my friend.");
        typeArea("contact-note", "Agreed a morning routine.");
        click(find(By.id("save-contact")));
        waiting()
                .until(d -> d.findElement(By.id("contact-grid"))
                        .getDomProperty("textContent")
                        .contains("Agreed a morning routine"));
        accessible("work log");

        tab("Reviews");
        open("open-review");
        WebElement score = find(By.cssSelector(".review-score input"));
        score.sendKeys("6");
        typeArea("review-notes", "Attendance is up to 90%.");
        click(find(By.id("save-review")));
        waiting()
                .until(d -> d.findElement(By.id("tab-reviews"))
                        .getDomProperty("textContent")
                        .contains("6/10"));

        // The hub lead records the case's supervision: an empty form is refused field by field.
        String caseAddress = browser().driver().getCurrentUrl();
        signInAndOpen(base(), "lead.dudley-central", caseAddress);
        tab("Management oversight");
        open("open-oversight");
        click(find(By.id("save-oversight")));
        waiting()
                .until(d -> String.valueOf(
                                d.findElement(By.id("oversight-discussion")).getDomProperty("errorMessage"))
                        .contains("Write down what was discussed."));
        assertThat(String.valueOf(find(By.id("oversight-decisions")).getDomProperty("errorMessage")))
                .contains("Write down what was decided");
        assertThat(find(By.id("tab-oversight")).getDomProperty("textContent")).contains("No supervision recorded yet.");
        typeArea("oversight-discussion", "Attendance and the morning routine.");
        typeArea("oversight-decisions", "Carry on; review the routine at the next visit.");
        click(find(By.id("save-oversight")));
        waiting()
                .until(d -> d.findElement(By.id("tab-oversight"))
                        .getDomProperty("textContent")
                        .contains("Carry on; review the routine at the next visit."));
        assertThat(find(By.id("tab-oversight")).getDomProperty("textContent"))
                .contains("Next supervision by "
                        + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
                                .format(LocalDate.now(WorkingCalendar.LONDON).plusWeeks(6)));
        accessible("management oversight");
        signInAndOpen(base(), "family.worker", caseAddress);
        find(By.id("case-summary"));
        assertThat(find(By.id("tab-oversight")).getDomProperty("textContent"))
                .as("the lead practitioner reads the supervision and has no form to record one")
                .contains("Attendance and the morning routine.");
        assertThat(browser().driver().findElements(By.id("open-oversight"))).isEmpty();

        tab("Close or step up");
        open("open-close");
        select("close-reason", "Needs met");
        radio("close-result-education", "Achieved");
        typeArea("close-note", "Attendance 96% for six weeks.");
        accessible("closure");
        // The step-up reason is checked before any confirmation is asked for.
        open("open-step-up");
        click(find(By.id("step-up")));
        waiting()
                .until(d -> String.valueOf(
                                d.findElement(By.id("step-up-reason")).getDomProperty("errorMessage"))
                        .contains("Say why the family needs children's social care"));
        assertThat(browser().driver().findElements(By.cssSelector("vaadin-confirm-dialog[opened]")))
                .isEmpty();
        assertThat(find(By.id("step-up-front-door-called")).isDisplayed()).isTrue();
        accessible("step-up form, with its error and the front door question");
        click(find(By.id("close-case")));
        // The confirmation names the action in the plan that closing leaves unfinished.
        waiting()
                .until(d -> String.valueOf(((JavascriptExecutor) d)
                                .executeScript("const c = document.querySelector('vaadin-confirm-dialog[opened]');"
                                        + " return c ? c.message : '';"))
                        .contains("One action in the plan is not finished: Morning routine chart"));
        click(find(By.cssSelector("[slot='confirm-button']")));
        waiting()
                .until(d -> d.findElement(By.id("case-summary"))
                        .getDomProperty("textContent")
                        .contains("Closed on"));

        // Focus (and the view) stay with the closure section: the summary's link is found by its place,
        // then scrolled to.
        WebElement familyLink = find(By.cssSelector("#case-summary a[href^='families/']"));
        assertThat(familyLink.getDomProperty("textContent")).isEqualTo("The family's record and timeline");
        click(familyLink);
        WebElement timeline = find(By.id("timeline"));
        String text = timeline.getDomProperty("textContent");
        assertThat(text)
                .contains("Request for support from Tom Baker")
                .contains("Decided: early help in the hub, level 3")
                .contains("Lead practitioner: Fran Lewis")
                .contains("Assessment completed")
                .contains("Home visit, child seen")
                .contains("The child said: I want to walk to school with my friend.")
                .contains("Plan reviewed")
                .contains("Early help closed: Needs met")
                .contains("Follow-up checks due: 6 months, ")
                .contains("Plan: outcome agreed for getting a good education")
                .contains("Plan: action added")
                .contains("Consent given by Jade " + surname);
        // Newest first: the closure above the review, the review above the request that started it all.
        assertThat(text.indexOf("Early help closed")).isLessThan(text.indexOf("Plan reviewed"));
        assertThat(text.indexOf("Plan reviewed")).isLessThan(text.indexOf("Request for support from Tom Baker"));
        // The family's record says the early help finished, and how.
        assertThat(find(By.tagName("main")).getDomProperty("textContent")).contains("Early help finished: Needs met");
        browser().screenshot("family-timeline");
        accessible("family record and timeline");
    }

    /**
     * A practitioner answers "yes" to the safeguarding question and records the concern; the hub
     * lead finds it counted on the home page and heading the queue, beside a request stepped up to
     * children's social care, and records how they know the front door has each, after which each is
     * off the queue. axe on the shutter and on the queue.
     */
    @Test
    void aSafeguardingConcernReachesTheHubLeadWhoChecksItWithTheFrontDoor() {
        String postcode = postcodes.postcodesIn(new HubId("dudley-central"), 1).getFirst();
        signInAndOpen(base(), "teacher", base() + "/requests/new");
        radio("safeguarding-question", "Yes, or I am not sure");
        type("concern-child", "Ada Thistlewood");
        type("concern-postcode", postcode);
        typeArea("concern-worry", "Bruises on her arms, and she says she is scared to go home.");
        click(find(By.id("record-concern")));
        waiting().until(d -> d.findElement(By.id("concern-result")).getText().contains("a hub lead will check"));
        accessible("safeguarding shutter, concern recorded");

        // A request the hub lead stepped up, the front door not yet contacted, waits beside it.
        Submitted steppedUp = submitAsTheTeacher("Quennell", postcode);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        try {
            queue.decide(
                    steppedUp.request(),
                    queue.detail(steppedUp.request()).summary().version(),
                    NeedLevel.SPECIALIST,
                    DecisionOutcome.STEP_UP,
                    "Risk of significant harm at home.",
                    false);
        } finally {
            SignedIn.nobody();
        }

        signInAndOpen(base(), "lead.dudley-central", base() + "/");
        waiting()
                .until(d -> d.findElement(By.id("home-hub-lead"))
                        .getText()
                        .contains("Safeguarding concerns and step-ups to check with the front door"));
        browser().goWithinTheApplication(base() + "/hub/queue");
        WebElement card = find(By.xpath("//div[contains(@class, 'concern-to-check')][contains(., 'Ada Thistlewood')]"));
        assertThat(card.getText()).contains("NOT yet contacted the front door").contains("Bruises");
        String id = card.getDomAttribute("id");
        assertThat(find(By.id("concern-" + steppedUp.request())).getText())
                .contains("stepped up to children's social care")
                .contains("Nobody in early help works with this family now")
                .contains("NOT yet contacted the front door")
                .contains("Risk of significant harm at home.");
        // The demonstration's step-up, whose hub lead had called the front door (ConcernDemonstrationData).
        assertThat(find(By.xpath("//div[contains(@class, 'concern-to-check')][contains(., 'Fairbairn')]"))
                        .getText())
                .contains("stepped up to children's social care")
                .contains("Stepped up by Dan Morris")
                .contains("They said they had already contacted the front door.");
        browser().screenshot("hub-queue-concern");
        accessible("hub queue with a safeguarding concern and a step-up to check");
        typeArea("concern-note-" + id.substring("concern-".length()), "Spoke to the duty social worker: FD-77.");
        click(find(By.id("concern-record-" + id.substring("concern-".length()))));
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
        typeArea("concern-note-" + steppedUp.request(), "The front door has the step-up: FD-78.");
        click(find(By.id("concern-record-" + steppedUp.request())));
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("concern-" + steppedUp.request())));
    }

    @Test
    void anotherHubsLeadCannotReachTheFamily() {
        String postcode = postcodes.postcodesIn(new HubId("dudley-central"), 2).getLast();
        Submitted submitted = submitAsTheTeacher("Thornbury", postcode);
        signInAndOpen(base(), "lead.halesowen", base() + "/families/" + submitted.family());
        find(By.id("refused"));
        assertThat(browser().driver().getPageSource()).doesNotContain("Thornbury");
        browser().go(base() + "/hub/queue");
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Hub queue"));
        assertThat(browser().driver().getPageSource()).doesNotContain("Thornbury");
        browser().go(base() + "/families/" + UUID.randomUUID());
        find(By.id("refused"));
        accessible("refusal of another hub's family");

        // The right hub's lead can.
        signInAndOpen(base(), "lead.dudley-central", base() + "/families/" + submitted.family());
        waiting()
                .until(d -> d.findElement(By.id("family-members"))
                        .getDomProperty("textContent")
                        .contains("Thornbury"));
    }

    /** Whether the quick log's family select holds a family, waiting up to the time given. */
    private boolean chosen(Duration within) {
        try {
            new WebDriverWait(browser().driver(), within).until(d -> {
                String value = d.findElement(By.id("quick-family")).getDomProperty("value");
                return value != null && !value.isBlank();
            });
            return true;
        } catch (TimeoutException notYet) {
            return false;
        }
    }

    @Test
    void aVoluntaryWorkerLogsASessionOnAPhone() {
        browser().size(390, 844);
        try {
            signInAndOpen(base(), "cvs.worker", base() + "/log");
            // The first family in the list. On a busy machine the overlay can still be opening or
            // closing when a click lands: choose again until the select holds a family.
            for (int attempt = 1; ; attempt++) {
                click(find(By.id("quick-family")));
                waiting()
                        .until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                                .anyMatch(WebElement::isDisplayed));
                clickWhenStill(browser().driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElseThrow());
                if (chosen(Duration.ofSeconds(3)) || attempt == 3) {
                    break;
                }
            }
            assertThat(chosen(Duration.ofSeconds(1))).as("a family is chosen").isTrue();
            radio("contact-kind", "Group session");
            type("contact-minutes", "90");
            typeArea("contact-note", "Youth club: cooking session.");
            accessible("quick log on a phone");
            click(find(By.id("save-contact")));
            waiting()
                    .withMessage(() -> {
                        browser().screenshot("quick-log-phone-not-saved");
                        return "no \"Saved to the work log.\"; the page says: "
                                + browser()
                                        .driver()
                                        .findElement(By.tagName("main"))
                                        .getText();
                    })
                    .until(d -> d.getPageSource().contains("Saved to the work log."));
            browser().screenshot("quick-log-phone");
        } finally {
            browser().size(1280, 900);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Waits for the element to be in the page, scrolls it into view and returns it. */
    private WebElement find(By by) {
        WebElement element = waiting().until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Waits for keyboard focus to be on the component with this id, or inside it. */
    private void waitForFocusWithin(String id) {
        browser()
                .waitForFocus(
                        "#" + id,
                        f -> Boolean.TRUE.equals(((JavascriptExecutor) browser().driver())
                                .executeScript(
                                        "const a = document.activeElement; return !!a && !!a.closest('#' + arguments[0]);",
                                        id)));
    }

    private void type(String id, String text) {
        WebElement input = find(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, text, Keys.TAB);
    }

    private void typeArea(String id, String text) {
        WebElement area = find(By.cssSelector("#" + id + " textarea"));
        area.sendKeys(text, Keys.TAB);
    }

    private void date(String id, LocalDate date) {
        WebElement input = find(By.cssSelector("#" + id + " input"));
        input.sendKeys(
                Keys.chord(Keys.CONTROL, "a"),
                Keys.BACK_SPACE,
                String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear()),
                Keys.ENTER);
        input.sendKeys(Keys.TAB);
    }

    private void radio(String groupId, String label) {
        WebElement group = find(By.id(groupId));
        waiting()
                .until(d -> group.findElements(By.tagName("vaadin-radio-button")).stream()
                        .anyMatch(r -> r.getText().contains(label)));
        WebElement radio = group.findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(r -> r.getText().contains(label))
                .findFirst()
                .orElseThrow();
        click(radio.findElement(By.tagName("label")));
    }

    private void checkbox(String groupId, String label) {
        WebElement group = find(By.id(groupId));
        WebElement box = group.findElements(By.tagName("vaadin-checkbox")).stream()
                .filter(r -> r.getText().contains(label))
                .findFirst()
                .orElseThrow();
        click(box.findElement(By.tagName("label")));
    }

    private void select(String id, String text) {
        chooseInSelect(find(By.id(id)), text);
    }

    /** Checks with axe once no overlay is open (an open overlay hides the rest of the page from readers). */
    /**
     * Runs axe on the page at rest: once no overlay (a date picker's or a select's, left open by
     * typing) hides the rest of the page from assistive technology. An overlay still open after
     * 5 s is closed with Escape, as a person would, and its closing is waited for too.
     */
    private void accessible(String page) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                new WebDriverWait(browser().driver(), Duration.ofSeconds(5))
                        .until(d -> (Boolean) ((JavascriptExecutor) d)
                                .executeScript("return document.querySelectorAll('[data-aria-hidden]').length === 0"));
                break;
            } catch (TimeoutException stillOpen) {
                browser().driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            }
        }
        browser().assertAccessible(page);
    }

    /** Clicks an item of an overlay that may still be opening, its items moving under the pointer. */
    /** Opens one of the case's forms, which are built when their disclosure is first opened. */
    private void open(String id) {
        WebElement details = find(By.id(id));
        waiting().until(d -> {
            if (!"true".equals(details.getDomProperty("opened"))) {
                List<WebElement> summary = details.findElements(By.cssSelector("vaadin-details-summary"));
                click(summary.isEmpty() ? details : summary.getFirst());
            }
            return "true".equals(details.getDomProperty("opened"));
        });
    }

    private void tab(String label) {
        find(By.xpath("//section[@class='case-section']/h2[text()=\"" + label + "\"]"));
    }

    /** A request for a new family (Amy and Kai, of the surname given), submitted by the teacher. */
    private Submitted submitAsTheTeacher(String surname, String postcode) {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        try {
            return requests.submit(new RequestDraft(
                    List.of(
                            new FamilyMemberDraft(
                                    "Amy", surname, LocalDate.of(1988, 1, 2), Relationship.PARENT, null, null),
                            new FamilyMemberDraft(
                                    "Kai", surname, LocalDate.now().minusYears(4), Relationship.CHILD, null, null)),
                    "3 Mill Lane",
                    postcode,
                    null,
                    null,
                    Map.of(OutcomeArea.EARLY_YEARS, "Not taking up the nursery place."),
                    "",
                    "",
                    new ConsentDraft("Amy " + surname, LocalDate.now(), ConsentMethod.PHONE, "Health visitor"),
                    null));
        } finally {
            SignedIn.nobody();
        }
    }
}
