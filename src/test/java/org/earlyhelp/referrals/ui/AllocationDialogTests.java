package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.referrals.Candidate;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.RequestStatus;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Allocating a request in the hub queue's dialog, without a browser: with no lead chosen the
 * dialog says so next to the lead and nothing is allocated; people at their capacity are listed but
 * cannot be chosen; with a lead chosen the request is allocated and the queue is told. Each test
 * submits and decides a request of its own, for a family of its own.
 */
@OwnDataApplicationTest
class AllocationDialogTests extends SpringBrowserlessTest {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final LocalDate TODAY = LocalDate.now(WorkingCalendar.LONDON);

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HubTeams teams;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void noLeadIsRefusedNextToTheLeadAndAChosenLeadAllocates() {
        RequestSummary request = decidedRequest();
        int[] saved = {0};
        AllocationDialog dialog = new AllocationDialog(queue, request, () -> saved[0]++, () -> {});
        dialog.open();

        test($(Button.class).id("save-allocation")).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Candidate> lead = $(RadioButtonGroup.class).id("allocate-lead");
        assertThat(lead.isInvalid()).isTrue();
        assertThat(lead.getErrorMessage()).isNotBlank();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(saved[0]).isZero();
        assertThat(statusOf(request)).as("nothing allocated").isEqualTo(RequestStatus.AWAITING_ALLOCATION);

        Candidate withRoom = lead.getListDataView()
                .getItems()
                .filter(Candidate::hasRoom)
                .findFirst()
                .orElseThrow();
        lead.setValue(withRoom);
        test($(Button.class).id("save-allocation")).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(saved[0]).as("the queue is told once").isEqualTo(1);
        assertThat(statusOf(request)).isEqualTo(RequestStatus.ALLOCATED);
    }

    @Test
    void peopleAtTheirCapacityAreListedButCannotBeChosen() {
        RequestSummary request = decidedRequest();
        // One member of the team at their capacity for this test: their capacity set to their
        // caseload, and put back afterwards.
        Candidate busy = queue.candidates(CENTRAL).stream()
                .filter(c -> c.caseload() > 0)
                .findFirst()
                .orElseThrow();
        HubMember member = teams.team(CENTRAL).stream()
                .filter(m -> m.username().equals(busy.username()))
                .findFirst()
                .orElseThrow();
        teams.setCapacity(member, busy.caseload());
        try {
            new AllocationDialog(queue, request, () -> {}, () -> {}).open();
            @SuppressWarnings("unchecked")
            RadioButtonGroup<Candidate> lead = $(RadioButtonGroup.class).id("allocate-lead");
            List<Candidate> listed = lead.getListDataView().getItems().toList();
            assertThat(listed).isEqualTo(queue.candidates(CENTRAL));
            assertThat(listed)
                    .filteredOn(c -> c.username().equals(busy.username()))
                    .singleElement()
                    .satisfies(c -> assertThat(lead.getItemEnabledProvider().test(c))
                            .as("at capacity: listed, not choosable")
                            .isFalse());
            assertThat(listed)
                    .allSatisfy(c ->
                            assertThat(lead.getItemEnabledProvider().test(c)).isEqualTo(c.caseload() < c.capacity()));
        } finally {
            teams.setCapacity(
                    teams.team(CENTRAL).stream()
                            .filter(m -> m.username().equals(busy.username()))
                            .findFirst()
                            .orElseThrow(),
                    member.capacity());
        }
    }

    private RequestStatus statusOf(RequestSummary request) {
        return RequestStatus.valueOf(jdbc.sql("SELECT status FROM referrals.request WHERE id = ?")
                .param(request.id().value())
                .query(String.class)
                .single());
    }

    /** A request of a new family, submitted by a teacher and decided for early help by the hub lead. */
    private RequestSummary decidedRequest() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Allocation");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));
        RequestSummary waiting = queue.awaitingDecision(CENTRAL).stream()
                .filter(r -> r.id().equals(submitted.request()))
                .findFirst()
                .orElseThrow();
        queue.decide(
                waiting.id(),
                waiting.version(),
                NeedLevel.TARGETED,
                DecisionOutcome.EARLY_HELP,
                "Targeted help.",
                false);
        return queue.awaitingAllocation(CENTRAL).stream()
                .filter(r -> r.id().equals(submitted.request()))
                .findFirst()
                .orElseThrow();
    }
}
