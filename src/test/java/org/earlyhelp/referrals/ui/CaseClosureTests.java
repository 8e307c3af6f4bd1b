package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedResult;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.Caseloads;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ending a case on its page, without a browser: a closure without a reason or a result for each
 * need is refused next to each field and the case stays open; a closure over someone else's change
 * is refused and changes nothing; a step-up without a reason is refused before anyone is asked to
 * confirm; a complete closure ends the case and lists the checks after it. Each test has a family
 * and a case of its own, led by the family worker.
 */
@OwnDataApplicationTest
class CaseClosureTests extends SpringBrowserlessTest {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final LocalDate TODAY = LocalDate.now(WorkingCalendar.LONDON);

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    /** Family.worker leads these tests' cases: room for them, whatever the tests before left open. */
    @BeforeEach
    void roomInTheFamilyWorkersCaseload() {
        Caseloads.roomFor(jdbc, "dudley-central", "family.worker", 5);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void anIncompleteClosureIsRefusedNextToEachFieldAndTheCaseStaysOpen() {
        CaseId caseId = caseLedByFamilyWorker();
        navigate("cases/" + caseId, CaseView.class);
        test($(Details.class).id("open-close")).openDetails();

        test($(Button.class).id("close-case")).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat($(Select.class).id("close-reason").isInvalid()).isTrue();
        RadioButtonGroup<?> education = $(RadioButtonGroup.class).id("close-result-education");
        assertThat(education.isInvalid()).isTrue();
        assertThat(education.getErrorMessage()).isNotBlank();
        assertThat(cases.caseRecord(caseId).open()).as("nothing saved").isTrue();
    }

    @Test
    void aClosureOverSomeoneElsesChangeIsRefusedAndChangesNothing() {
        CaseId caseId = caseLedByFamilyWorker();
        navigate("cases/" + caseId, CaseView.class);
        test($(Details.class).id("open-close")).openDetails();
        fillIn();

        // Meanwhile the lead adds someone to the team around the family: the case moves on.
        CaseRecord seen = cases.caseRecord(caseId);
        cases.addToTeam(caseId, seen.version(), "cvs.worker");

        test($(Button.class).id("close-case")).click();
        test($(ConfirmDialog.class).single()).confirm();

        CaseRecord after = cases.caseRecord(caseId);
        assertThat(after.open()).as("the closure did not overwrite the change").isTrue();
        assertThat(after.team()).extracting(CaseRecord.TeamMember::username).contains("cvs.worker");
        assertThat(after.followUps()).isEmpty();
    }

    @Test
    void aStepUpWithoutAReasonIsRefusedBeforeAnyoneIsAskedToConfirm() {
        CaseId caseId = caseLedByFamilyWorker();
        navigate("cases/" + caseId, CaseView.class);
        test($(Details.class).id("open-step-up")).openDetails();

        test($(Button.class).id("step-up")).click();

        TextArea reason = $(TextArea.class).id("step-up-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat($(ConfirmDialog.class).all()).as("no confirmation asked").isEmpty();
        assertThat(cases.caseRecord(caseId).open()).isTrue();
    }

    @Test
    void aStepUpSaysWhetherTheFrontDoorWasContactedAndWaitsForTheHubsCheck() {
        CaseId caseId = caseLedByFamilyWorker();
        navigate("cases/" + caseId, CaseView.class);
        test($(Details.class).id("open-step-up")).openDetails();
        test($(TextArea.class).id("step-up-reason")).setValue("Harm disclosed at school today.");
        Checkbox called = $(Checkbox.class).id("step-up-front-door-called");
        assertThat(called.getValue())
                .as("not ticked until the practitioner says so")
                .isFalse();
        test(called).click();

        test($(Button.class).id("step-up")).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(cases.caseRecord(caseId).open()).isFalse();
        assertThat(jdbc.sql("""
                        SELECT k.front_door_contacted FROM referrals.concern_check k
                        JOIN referrals.case_file c ON c.id = k.case_id WHERE c.id = ?""").param(caseId.value()).query(Boolean.class).single())
                .as("the step-up waits for the hub's check, saying the front door was contacted")
                .isTrue();
    }

    @Test
    void aCompleteClosureEndsTheCaseAndListsTheChecksAfterIt() {
        CaseId caseId = caseLedByFamilyWorker();
        navigate("cases/" + caseId, CaseView.class);
        test($(Details.class).id("open-close")).openDetails();
        fillIn();

        test($(Button.class).id("close-case")).click();
        test($(ConfirmDialog.class).single()).confirm();

        CaseRecord closed = cases.caseRecord(caseId);
        assertThat(closed.open()).isFalse();
        assertThat(closed.closeReason()).isEqualTo(ClosureReason.NEEDS_MET);
        assertThat(closed.closure()).containsEntry(OutcomeArea.EDUCATION, NeedResult.ACHIEVED);
        assertThat(closed.followUps()).extracting(CaseRecord.FollowUp::months).containsExactly(6, 12);
        assertThat($(Details.class).all())
                .as("a closed case offers no closing form")
                .noneMatch(d -> d.getId().orElse("").equals("open-close"));
    }

    @SuppressWarnings("unchecked")
    private void fillIn() {
        test((Select<ClosureReason>) $(Select.class).id("close-reason")).selectItem("Needs met");
        RadioButtonGroup<NeedResult> education = $(RadioButtonGroup.class).id("close-result-education");
        education.setValue(NeedResult.ACHIEVED);
    }

    /** A case of a new family, allocated to the family worker, who is then signed in. */
    private CaseId caseLedByFamilyWorker() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Closure");
        CaseId caseId = NewFamilyRequests.ledByFamilyWorker(queue, submitted, CENTRAL);
        return caseId;
    }
}
