package org.earlyhelp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.earlyhelp.quality.AuditChecks.ActionDraft;
import org.earlyhelp.quality.AuditChecks.GradeDraft;
import org.earlyhelp.quality.AuditChecks.ModerationDraft;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.CaseSupervision;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.ContactDraft;
import org.earlyhelp.referrals.ContactKind;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.Families;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.events.RecordsErased;
import org.earlyhelp.shared.work.AssignedTask;
import org.earlyhelp.shared.work.AssignedWork;
import org.earlyhelp.testing.Caseloads;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case file audits through the services, against the real database and the demonstration hubs'
 * teams: the draw, the auditor's read of that case only and only while the audit waits for them,
 * each stage for its own person, and the tasks in "My work". Each test draws a month of its own,
 * long ago, in which only its own cases were open.
 */
@OwnDataApplicationTest
class CaseAuditsTests {

    static final LocalDate TODAY = LocalDate.now(WorkingCalendar.LONDON);
    static final HubId CENTRAL = new HubId("dudley-central");
    private static final int BASE_YEAR = 1950 + ThreadLocalRandom.current().nextInt(40);
    private static final AtomicInteger MONTHS = new AtomicInteger();

    @Autowired
    CaseAudits audits;

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    Families families;

    @Autowired
    CaseSupervision supervision;

    @Autowired
    List<AssignedWork> assignedWork;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /** Family.worker leads these tests' cases: room for them, whatever the tests before left open. */
    @BeforeEach
    void roomInTheFamilyWorkersCaseload() {
        Caseloads.roomFor(jdbc, "dudley-central", "family.worker", 5);
    }

    /** This class's cases close, so that family.worker keeps room for other tests' cases. */
    @AfterEach
    void closeOurCasesAndSignOut() {
        SignedIn.nobody();
        jdbc.sql("""
                        UPDATE referrals.case_file SET closed_at = allocated_at + interval '20 days', close_reason = 'NEEDS_MET'
                        WHERE allocated_at < '2000-01-01' AND closed_at IS NULL""").update();
    }

    static YearMonth aMonthOfItsOwn() {
        // Each test a month before the last: a case stays open, so it would be drawn in later months.
        return YearMonth.of(BASE_YEAR, 1).minusMonths(MONTHS.getAndIncrement());
    }

    static void familyWorker() {
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
    }

    static void as(String username) {
        SignedIn.as(username, Set.of(Role.PRACTITIONER), Set.of("dudley-central", "north-dudley"));
    }

    static void hubLead(String hub) {
        SignedIn.as("lead." + hub, Set.of(Role.HUB_LEAD), Set.of(hub));
    }

    /**
     * A Dudley Central case led by family.worker, open in the given month and closed in it, so
     * that another test's month does not draw it.
     */
    private CaseId caseOpenIn(YearMonth month, String surname) {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
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
                Map.of(OutcomeArea.EDUCATION, "Ava has missed a fifth of school this term."),
                "School attendance meetings.",
                "School nurse.",
                new ConsentDraft("Sam " + surname + " (parent)", TODAY, ConsentMethod.IN_PERSON, "School"),
                null));
        hubLead("dudley-central");
        queue.decide(
                submitted.request(),
                version(submitted.request()),
                NeedLevel.TARGETED,
                DecisionOutcome.EARLY_HELP,
                "Targeted early help.",
                false);
        CaseId caseId = queue.allocate(submitted.request(), version(submitted.request()), "family.worker", Set.of());
        jdbc.sql("UPDATE referrals.case_file SET allocated_at = ? WHERE id = ?")
                .params(
                        Timestamp.from(month.atDay(5)
                                .atTime(10, 0)
                                .atZone(WorkingCalendar.LONDON)
                                .toInstant()),
                        caseId.value())
                .update();
        SignedIn.nobody();
        return caseId;
    }

    private int version(RequestId request) {
        return jdbc.sql("SELECT version FROM referrals.request WHERE id = ?")
                .param(request.value())
                .query(Integer.class)
                .single();
    }

    private CaseAudit drawnFor(CaseId caseId) {
        UUID id = jdbc.sql("SELECT id FROM quality.case_audit WHERE case_id = ?")
                .param(caseId.value())
                .query(UUID.class)
                .single();
        return audit(id);
    }

    private CaseAudit audit(UUID id) {
        String auditor = jdbc.sql("SELECT auditor FROM quality.case_audit WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        as(auditor);
        return audits.audit(id);
    }

    private int audited(String action, String type, String id) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = ? AND record_type = ? AND record_id = ?")
                .params(action, type, id)
                .query(Integer.class)
                .single();
    }

    private int domains(CaseAudit a) {
        return jdbc.sql("SELECT count(*) FROM quality.framework_domain WHERE version = ?")
                .param(a.frameworkVersion())
                .query(Integer.class)
                .single();
    }

    private static List<GradeDraft> allGood(int n) {
        return Collections.nCopies(n, new GradeDraft(Grade.GOOD, "Seen alone at every visit; words recorded."));
    }

    @Test
    void anAdministratorDrawsEachHubsSampleOnceAndTheSameCasesComeBackForTheSameInput() {
        YearMonth month = aMonthOfItsOwn();
        List<CaseId> ours = List.of(caseOpenIn(month, "Aldous"), caseOpenIn(month, "Bright"));
        familyWorker();
        assertThatThrownBy(() -> audits.draw(month)).isInstanceOf(AccessDeniedException.class);

        SignedIn.admin();
        List<CaseAudits.HubSample> drawn = audits.draw(month);
        assertThat(drawn)
                .filteredOn(s -> s.hub().equals(CENTRAL))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.eligible()).isEqualTo(2);
                    assertThat(s.drawn()).isEqualTo(2);
                    assertThat(s.alreadyDrawn()).isFalse();
                });
        assertThat(audits.month(month))
                .extracting(CaseAudit::caseId)
                .containsExactlyInAnyOrderElementsOf(
                        ours.stream().map(CaseId::value).toList());
        assertThat(audited("draw-sample", "audit-sample", "dudley-central/" + month))
                .isEqualTo(1);

        // Drawing again changes nothing.
        assertThat(audits.draw(month))
                .allSatisfy(s -> assertThat(s.alreadyDrawn()).isTrue());
        assertThat(audits.month(month)).hasSize(2);

        // Nobody from the lead's organisation audits, and another hub's lead moderates.
        for (CaseAudit a : audits.month(month)) {
            assertThat(a.auditorOrganisation()).isNotEqualTo("Dudley Council Early Help");
            assertThat(a.auditor()).isNotIn("family.worker", "lead.dudley-central");
            assertThat(a.moderator()).startsWith("lead.").isNotEqualTo("lead.dudley-central");
            assertThat(a.stage()).isEqualTo(AuditStage.AUDIT);
        }
    }

    @Test
    void aMonthNotYetBegunCannotBeDrawn() {
        SignedIn.admin();
        assertThatThrownBy(() -> audits.draw(YearMonth.from(TODAY).plusMonths(1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theAuditorReadsThatCaseOnlyReadOnlyAndOnlyWhileTheAuditWaitsForThem() {
        YearMonth month = aMonthOfItsOwn();
        CaseId caseId = caseOpenIn(month, "Castle");
        SignedIn.admin();
        audits.draw(month);
        CaseAudit a = drawnFor(caseId);

        // Someone else, even of the same organisation and hub, may not read the case.
        String other = a.auditor().equals("teacher") ? "police.officer" : "teacher";
        as(other);
        assertThatThrownBy(() -> cases.caseRecord(caseId)).isInstanceOf(AccessDeniedException.class);

        as(a.auditor());
        CaseRecord read = cases.caseRecord(caseId);
        assertThat(read.auditing()).isTrue();
        assertThat(read.auditReadUntil())
                .isAfter(TODAY.plusDays(20).atStartOfDay(WorkingCalendar.LONDON).toInstant());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.entry WHERE action = 'view' AND record_type = 'case'
                          AND record_id = ? AND reason = 'case file audit' AND actor = ?""")
                        .params(caseId.toString(), a.auditor())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(supervision.of(caseId)).isEmpty();
        // Read only: no contact, and not the family's record.
        assertThatThrownBy(() -> cases.logContact(
                        caseId, new ContactDraft(TODAY, ContactKind.HOME_VISIT, 30, true, null, "Visit.")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> families.family(read.family())).isInstanceOf(AccessDeniedException.class);

        // The read ends when the window ends.
        jdbc.sql("UPDATE quality.case_audit SET read_until = now() - interval '1 minute' WHERE id = ?")
                .param(a.id())
                .update();
        assertThatThrownBy(() -> cases.caseRecord(caseId)).isInstanceOf(AccessDeniedException.class);
        jdbc.sql("UPDATE quality.case_audit SET read_until = now() + interval '1 day' WHERE id = ?")
                .param(a.id())
                .update();
        assertThat(cases.caseRecord(caseId).auditing()).isTrue();

        // And once the auditor has graded it.
        CaseAudit fresh = audits.audit(a.id());
        audits.grade(a.id(), fresh.version(), allGood(domains(fresh)), List.of());
        assertThatThrownBy(() -> cases.caseRecord(caseId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void noGrantOpensAFamilyWhoseConsentWasWithdrawn() {
        YearMonth month = aMonthOfItsOwn();
        CaseId caseId = caseOpenIn(month, "Dorsey");
        SignedIn.admin();
        audits.draw(month);
        CaseAudit a = drawnFor(caseId);
        jdbc.sql("UPDATE referrals.family SET restricted = true WHERE id = (SELECT family_id FROM"
                        + " referrals.case_file WHERE id = ?)")
                .param(caseId.value())
                .update();
        as(a.auditor());
        assertThatThrownBy(() -> cases.caseRecord(caseId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void eachStageIsForItsOwnPersonAndTheAuditEndsModeratedWithItsActionsInMyWork() {
        YearMonth month = aMonthOfItsOwn();
        CaseId caseId = caseOpenIn(month, "Ellery");
        SignedIn.admin();
        audits.draw(month);
        CaseAudit a = drawnFor(caseId);
        int n = domains(a);

        // The auditor has it in "My work".
        as(a.auditor());
        assertThat(tasksOf(a.auditor(), Set.of(Role.PRACTITIONER)))
                .anySatisfy(t -> assertThat(t.route()).isEqualTo("quality/audits/" + a.id()));

        // Nobody else grades it; bad grades save nothing.
        familyWorker();
        assertThatThrownBy(() -> audits.grade(a.id(), a.version(), allGood(n), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        as(a.auditor());
        List<GradeDraft> missing = new ArrayList<>(allGood(n));
        // The framework may have been changed by another test: the last domain, however many there are.
        missing.set(n - 1, new GradeDraft(null, " "));
        assertThatThrownBy(() ->
                        audits.grade(a.id(), a.version(), missing, List.of(new ActionDraft("Do it", "nobody", TODAY))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messages())
                                .containsKeys("grade." + (n - 1), "evidence." + (n - 1), "owner.0", "due.0"));
        assertThat(audits.audit(a.id()).stage()).isEqualTo(AuditStage.AUDIT);

        List<GradeDraft> grades = new ArrayList<>(allGood(n));
        grades.set(0, new GradeDraft(Grade.OUTSTANDING, "The child's words are everywhere."));
        audits.grade(
                a.id(),
                a.version(),
                grades,
                List.of(new ActionDraft("Record the child's view of school.", "family.worker", TODAY.plusDays(14))));
        // A second submission of the same version is refused: someone changed it.
        assertThatThrownBy(() -> audits.grade(a.id(), a.version(), grades, List.of()))
                .isInstanceOf(ChangedBySomeoneElseException.class);

        // Only the lead reflects.
        CaseAudit graded = audits.audit(a.id());
        assertThat(graded.stage()).isEqualTo(AuditStage.REFLECTION);
        assertThatThrownBy(() -> audits.reflect(a.id(), graded.version(), "Fair."))
                .isInstanceOf(AccessDeniedException.class);
        familyWorker();
        assertThat(tasksOf("family.worker", Set.of(Role.PRACTITIONER)))
                .anySatisfy(t -> assertThat(t.titleKey()).isEqualTo("quality.work.reflect"))
                .anySatisfy(t -> assertThat(t.titleKey()).isEqualTo("quality.work.action"));
        assertThatThrownBy(() -> audits.reflect(a.id(), graded.version(), " ")).isInstanceOf(ValidationException.class);
        audits.reflect(a.id(), graded.version(), "Fair: I will ask Ava about school on her own.");

        // Only the moderator moderates; a changed grade needs its reason.
        CaseAudit reflected = audits.audit(a.id());
        hubLead("dudley-central");
        assertThatThrownBy(() -> audits.moderate(a.id(), reflected.version(), List.of(), null))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as(a.moderator(), Set.of(Role.HUB_LEAD), Set.of(a.moderator().substring("lead.".length())));
        List<ModerationDraft> agreed = new ArrayList<>(reflected.grades().stream()
                .map(g -> new ModerationDraft(g.grade(), null))
                .toList());
        agreed.set(0, new ModerationDraft(Grade.GOOD, " "));
        assertThatThrownBy(() -> audits.moderate(a.id(), reflected.version(), agreed, null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("reason.0"));
        agreed.set(0, new ModerationDraft(Grade.GOOD, "The school's view is missing."));
        audits.moderate(a.id(), reflected.version(), agreed, "Well evidenced.");

        CaseAudit done = audits.audit(a.id());
        assertThat(done.stage()).isEqualTo(AuditStage.DONE);
        assertThat(done.grades().getFirst().standing()).isEqualTo(Grade.GOOD);
        assertThat(done.grades().getFirst().grade()).isEqualTo(Grade.OUTSTANDING);
        assertThat(done.grades()).hasSize(n);
        assertThat(audited("moderate", "case-audit", a.id().toString())).isEqualTo(1);

        // The action's owner marks it done; it leaves "My work".
        CaseAudit.Action action = done.actions().getFirst();
        as(a.auditor());
        assertThatThrownBy(() -> audits.completeAction(action.id(), action.version()))
                .isInstanceOf(AccessDeniedException.class);
        familyWorker();
        audits.completeAction(action.id(), action.version());

        // The family's subject access export includes the audit: grades, evidence, reflection, actions.
        SignedIn.admin();
        FamilyId family = new FamilyId(jdbc.sql("SELECT family_id FROM referrals.case_file WHERE id = ?")
                .param(caseId.value())
                .query(UUID.class)
                .single());
        assertThat(families.subjectAccess(family, "Request SAR-2026-17 from the parent"))
                .contains("Case file audit of " + month)
                .contains("The child's words are everywhere.")
                .contains("moderated to good: The school's view is missing.")
                .contains("Fair: I will ask Ava about school on her own.")
                .contains("Action: Record the child's view of school.");
        assertThat(tasksOf("family.worker", Set.of(Role.PRACTITIONER)))
                .noneSatisfy(t -> assertThat(t.route()).isEqualTo("quality/audits/" + a.id()));
    }

    @Test
    void anAuditIsReadOnlyByThoseItConcernsAndEveryReadIsRecorded() {
        YearMonth month = aMonthOfItsOwn();
        CaseId caseId = caseOpenIn(month, "Fenwick");
        SignedIn.admin();
        audits.draw(month);
        CaseAudit a = drawnFor(caseId);
        SignedIn.admin();
        assertThatThrownBy(() -> audits.audit(a.id())).isInstanceOf(AccessDeniedException.class);
        hubLead("halesowen");
        if (!a.moderator().equals("lead.halesowen")) {
            assertThatThrownBy(() -> audits.audit(a.id())).isInstanceOf(AccessDeniedException.class);
            assertThat(audits.month(month)).isEmpty();
        }
        hubLead("dudley-central");
        assertThat(audits.audit(a.id()).caseId()).isEqualTo(caseId.value());
        assertThat(audits.month(month)).extracting(CaseAudit::id).containsExactly(a.id());
        familyWorker();
        assertThat(audits.audit(a.id()).lead()).isEqualTo("family.worker");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'view' AND record_type = 'case-audit'"
                                + " AND record_id = ?")
                        .param(a.id().toString())
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void erasingAFamilyErasesItsCasesAudits() throws InterruptedException {
        YearMonth month = aMonthOfItsOwn();
        CaseId caseId = caseOpenIn(month, "Gable");
        SignedIn.admin();
        audits.draw(month);
        assertThat(drawnFor(caseId)).isNotNull();
        SignedIn.nobody();
        transactions.executeWithoutResult(
                s -> events.publishEvent(new RecordsErased(List.of(), List.of(caseId.value()), Instant.now())));
        Instant giveUp = Instant.now().plusSeconds(20);
        while (audits(caseId) > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertThat(audits(caseId)).isZero();
    }

    private int audits(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM quality.case_audit WHERE case_id = ?")
                .param(caseId.value())
                .query(Integer.class)
                .single();
    }

    private List<AssignedTask> tasksOf(String username, Set<Role> roles) {
        return assignedWork.stream()
                .flatMap(w -> w.assignedTo(SignedIn.as(username, roles, Set.of("dudley-central"))).stream())
                .toList();
    }
}
