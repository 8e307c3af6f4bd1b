package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.earlyhelp.referrals.ReferralJourneyTests.CENTRAL;
import static org.earlyhelp.referrals.ReferralJourneyTests.TODAY;
import static org.earlyhelp.referrals.ReferralJourneyTests.centralLead;
import static org.earlyhelp.referrals.ReferralJourneyTests.familyWorker;
import static org.earlyhelp.referrals.ReferralJourneyTests.teacher;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.Caseloads;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Management oversight through the service, against the real database: only the hub lead records
 * a supervision, everyone who reads the case reads it (audited), bad input saves nothing, and a
 * case without supervision for six weeks is on the drift list until it is supervised.
 */
@OwnDataApplicationTest
class CaseSupervisionTests {

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    CaseSupervision supervision;

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

    /** A new case led by family.worker, allocated the given number of days ago, with a contact today. */
    private CaseId caseAllocatedDaysAgo(String surname, int days) {
        teacher();
        // A birthday of its own, so that a family made by an earlier run is not offered as a match.
        LocalDate born =
                TODAY.minusYears(8).minusDays(ThreadLocalRandom.current().nextInt(3000));
        String postcode = jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = 'dudley-central' ORDER BY p.postcode LIMIT 1""").query(String.class).single();
        Submitted submitted = requests.submit(new RequestDraft(
                List.of(
                        new FamilyMemberDraft("Sam", surname, born.minusYears(28), Relationship.PARENT, null, null),
                        new FamilyMemberDraft("Ava", surname, born, Relationship.CHILD, null, null)),
                "3 Hall Street, Dudley",
                postcode,
                null,
                null,
                Map.of(
                        OutcomeArea.EDUCATION, "Ava has missed a fifth of school this term.",
                        OutcomeArea.HOUSING, "Rent arrears."),
                "School attendance meetings.",
                "School nurse.",
                new ConsentDraft("Sam " + surname + " (parent)", TODAY, ConsentMethod.IN_PERSON, "School, housing"),
                null));
        centralLead();
        queue.decide(
                submitted.request(),
                version(submitted.request()),
                NeedLevel.TARGETED,
                DecisionOutcome.EARLY_HELP,
                "Targeted early help for two needs.",
                false);
        CaseId caseId = queue.allocate(submitted.request(), version(submitted.request()), "family.worker", Set.of());
        LocalDate allocated = TODAY.minusDays(days);
        jdbc.sql("UPDATE referrals.case_file SET allocated_at = ?, assessment_due = ? WHERE id = ?")
                .params(
                        Timestamp.from(allocated
                                .atTime(10, 0)
                                .atZone(WorkingCalendar.LONDON)
                                .toInstant()),
                        TODAY.plusDays(10),
                        caseId.value())
                .update();
        familyWorker();
        cases.logContact(
                caseId, new ContactDraft(TODAY, ContactKind.HOME_VISIT, 45, true, "Fine.", "Visited the family."));
        return caseId;
    }

    private int version(RequestId request) {
        return jdbc.sql("SELECT version FROM referrals.request WHERE id = ?")
                .param(request.value())
                .query(Integer.class)
                .single();
    }

    private CaseSupervision.Draft good(LocalDate heldOn) {
        return new CaseSupervision.Draft(
                heldOn, "Attendance and the housing notice.", "Ask housing for a payment plan.", heldOn.plusWeeks(6));
    }

    private int audited(String action, CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = ? AND record_id = ?")
                .params(action, caseId.toString())
                .query(Integer.class)
                .single();
    }

    @Test
    void theHubLeadRecordsASupervisionAndThoseOnTheCaseReadItAudited() {
        CaseId caseId = caseAllocatedDaysAgo("Okafor", 20);
        centralLead();
        supervision.record(caseId, good(TODAY.minusDays(1)));

        familyWorker();
        assertThat(supervision.of(caseId)).singleElement().satisfies(s -> {
            assertThat(s.heldOn()).isEqualTo(TODAY.minusDays(1));
            assertThat(s.discussion()).isEqualTo("Attendance and the housing notice.");
            assertThat(s.decisions()).isEqualTo("Ask housing for a payment plan.");
            assertThat(s.nextOn()).isEqualTo(TODAY.minusDays(1).plusWeeks(6));
            assertThat(s.recordedBy()).isNotBlank();
        });
        assertThat(audited("supervise", caseId)).isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit.entry WHERE action = 'view' AND record_type = 'case-supervision'"
                                        + " AND record_id = ? AND actor = 'family.worker'")
                        .param(caseId.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyTheHubLeadRecordsAndOnlyThoseOnTheCaseReadRefusalsAudited() {
        CaseId caseId = caseAllocatedDaysAgo("Nowak", 20);
        familyWorker();
        assertThatThrownBy(() -> supervision.record(caseId, good(TODAY))).isInstanceOf(AccessDeniedException.class);
        assertThat(audited("refused:hub-lead", caseId)).isEqualTo(1);

        teacher();
        assertThatThrownBy(() -> supervision.of(caseId)).isInstanceOf(AccessDeniedException.class);
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> supervision.record(caseId, good(TODAY))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> supervision.of(caseId)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.supervision WHERE case_id = ?")
                        .param(caseId.value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        CaseId caseId = caseAllocatedDaysAgo("Price", 20);
        centralLead();
        assertThatThrownBy(() -> supervision.record(caseId, new CaseSupervision.Draft(null, " ", null, null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messages()).containsOnlyKeys("heldOn", "discussion", "decisions", "nextOn"));
        assertThatThrownBy(() -> supervision.record(
                        caseId, new CaseSupervision.Draft(TODAY.plusDays(1), "x", "y", TODAY.plusWeeks(6))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("heldOn"));
        assertThatThrownBy(() -> supervision.record(
                        caseId, new CaseSupervision.Draft(TODAY.minusDays(30), "x", "y", TODAY.plusWeeks(1))))
                .as("not before the case was allocated")
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("heldOn"));
        assertThatThrownBy(() -> supervision.record(caseId, new CaseSupervision.Draft(TODAY, "x", "y", TODAY)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("nextOn"));
        assertThatThrownBy(() ->
                        supervision.record(caseId, new CaseSupervision.Draft(TODAY, "x", "y", TODAY.plusWeeks(27))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("nextOn"));
        assertThat(supervision.of(caseId)).isEmpty();
        assertThat(audited("supervise", caseId)).isZero();
    }

    @Test
    void aCaseWithoutSupervisionForSixWeeksDriftsUntilItIsSupervised() {
        CaseId late = caseAllocatedDaysAgo("Hughes", 43);
        CaseId recent = caseAllocatedDaysAgo("Patel", 41);
        centralLead();
        assertThat(cases.drift(CENTRAL).items())
                .as("allocated 43 days ago with no supervision: drifting; 41 days: not yet")
                .anySatisfy(c -> {
                    assertThat(c.id()).isEqualTo(late);
                    assertThat(c.due())
                            .filteredOn(d -> d.what().equals("oversight"))
                            .singleElement()
                            .satisfies(d -> {
                                assertThat(d.overdue()).isTrue();
                                assertThat(d.on()).isEqualTo(TODAY.minusDays(43).plusWeeks(6));
                            });
                })
                .noneSatisfy(c -> assertThat(c.id()).isEqualTo(recent));

        supervision.record(late, good(TODAY.minusDays(2)));
        assertThat(cases.drift(CENTRAL).items())
                .noneSatisfy(c -> assertThat(c.id()).isEqualTo(late));

        // A practitioner's own list does not carry the hub lead's supervision.
        familyWorker();
        assertThat(cases.myCases())
                .filteredOn(c -> c.id().equals(late))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.due()).extracting(CaseSummary.Due::what).doesNotContain("oversight"));
    }

    @Test
    void aClosedCaseTakesNoSupervision() {
        CaseId caseId = caseAllocatedDaysAgo("Ward", 20);
        centralLead();
        int version = jdbc.sql("SELECT version FROM referrals.case_file WHERE id = ?")
                .param(caseId.value())
                .query(Integer.class)
                .single();
        cases.close(
                caseId,
                version,
                ClosureReason.DISENGAGED,
                Map.of(OutcomeArea.EDUCATION, NeedResult.NOT_ACHIEVED, OutcomeArea.HOUSING, NeedResult.NOT_ACHIEVED),
                null);
        assertThatThrownBy(() -> supervision.record(caseId, good(TODAY)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("case"));
    }
}
