package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.SafeguardingConcern;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hub queue, without a browser: a safeguarding concern recorded for the hub heads it, with what
 * was written and whether the front door was contacted; a check without a note is refused next to
 * the note and changes nothing; a check with one takes the concern off the page. A case stepped up
 * to children's social care waits there too, saying who stepped it up and why.
 */
@OwnDataApplicationTest
class ConcernChecksViewTests extends SpringBrowserlessTest {

    static final HubId CENTRAL = new HubId("dudley-central");

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aConcernHeadsTheQueueUntilItsCheckIsRecordedWithANote() {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        String child = "Ava Queue" + UUID.randomUUID().toString().substring(0, 8);
        String postcode = jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = 'dudley-central' ORDER BY p.postcode LIMIT 1""").query(String.class).single();
        RequestId request = requests.recordSafeguardingConcern(
                new SafeguardingConcern(child, postcode, "Came to school hungry and with a black eye", false, null));

        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        navigate(HubQueueView.class);
        assertThat($(H2.class).id("concerns-heading").getText())
                .startsWith("Safeguarding concerns and step-ups to check");
        Div card = $(Div.class).id("concern-" + request);
        assertThat(card.getElement().getTextRecursively())
                .contains(child)
                .contains("black eye")
                .contains("NOT yet contacted the front door");

        test($(Button.class).id("concern-record-" + request)).click();
        TextArea note = $(TextArea.class).id("concern-note-" + request);
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).startsWith("Say how you know the front door has it");
        assertThat(checked(request)).as("nothing saved").isFalse();

        test(note).setValue("Spoke to the duty social worker, reference FD-1234; they visit today.");
        test($(Button.class).id("concern-record-" + request)).click();
        assertThat(checked(request)).isTrue();
        assertThat($(Div.class).withId("concern-" + request).exists())
                .as("the concern is off the page once checked")
                .isFalse();
    }

    @Test
    void aCaseSteppedUpIsOnTheQueueAsAStepUpWithWhoSteppedItUpAndWhy() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Viewstep");
        CaseId caseId = NewFamilyRequests.ledByFamilyWorker(queue, submitted, CENTRAL);
        CurrentUser worker = SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        cases.stepUp(caseId, cases.caseRecord(caseId).version(), "Harm disclosed at the last home visit.", true);

        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        navigate(HubQueueView.class);
        Div card = $(Div.class).id("concern-" + submitted.request());
        assertThat(card.getElement().getTextRecursively())
                .contains("stepped up to children's social care")
                .contains("Stepped up by " + worker.displayName())
                .contains("Harm disclosed at the last home visit.")
                .contains("Nobody in early help works with this family now")
                .contains("They said they had already contacted the front door.")
                .doesNotContain("NOT yet contacted");

        test($(TextArea.class).id("concern-note-" + submitted.request()))
                .setValue("The front door has it: reference FD-5678, a social worker is allocated.");
        test($(Button.class).id("concern-record-" + submitted.request())).click();
        assertThat(checked(submitted.request())).isTrue();
        assertThat($(Div.class).withId("concern-" + submitted.request()).exists())
                .as("the step-up is off the page once checked")
                .isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDecisionAsksWhetherTheFrontDoorWasContactedOnlyForAStepUp() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Decstep");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        navigate(HubQueueView.class);
        new DecisionDialog(queue, queue.detail(submitted.request()).summary(), LocalDate.now(), () -> {}, () -> {})
                .open();
        RadioButtonGroup<DecisionOutcome> outcome = $(RadioButtonGroup.class).id("decide-outcome");
        assertThat($(Checkbox.class).withId("decide-front-door-called").exists())
                .as("not asked before a step-up is chosen")
                .isFalse();
        outcome.setValue(DecisionOutcome.EARLY_HELP);
        assertThat($(Checkbox.class).withId("decide-front-door-called").exists())
                .isFalse();
        outcome.setValue(DecisionOutcome.STEP_UP);
        Checkbox called = $(Checkbox.class).id("decide-front-door-called");
        assertThat(called.getValue())
                .as("not ticked until the hub lead says so")
                .isFalse();

        ((RadioButtonGroup<NeedLevel>) $(RadioButtonGroup.class).id("decide-level")).setValue(NeedLevel.SPECIALIST);
        test(called).click();
        test($(TextArea.class).id("decide-reasons")).setValue("Risk of significant harm: the front door has it.");
        test($(Button.class).id("save-decision")).click();

        assertThat(jdbc.sql("SELECT front_door_contacted FROM referrals.concern_check WHERE request_id = ?")
                        .param(submitted.request().value())
                        .query(Boolean.class)
                        .single())
                .as("the step-up waits for the hub's check, saying the front door was contacted")
                .isTrue();
    }

    private boolean checked(RequestId request) {
        return jdbc.sql("SELECT checked_at IS NOT NULL FROM referrals.concern_check WHERE request_id = ?")
                .param(request.value())
                .query(Boolean.class)
                .single();
    }
}
