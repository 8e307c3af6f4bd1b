package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.earlyhelp.insight.ProjectionRebuild;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.Caseloads;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.FeedbackDraft;
import org.earlyhelp.voice.FeedbackForms;
import org.earlyhelp.voice.FeedbackRetention;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Retention with a dry run first and a grace period, and the subject access export. On the shared
 * application, with the grace period it has by default (30 days): a test makes families of its own
 * and moves the day they fell due back past the grace period, as time would.
 */
@OwnDataApplicationTest
class DataProtectionTests {

    static final LocalDate TODAY = LocalDate.now(WorkingCalendar.LONDON);

    @Autowired
    RequestsForSupport requests;

    @Autowired
    Families families;

    @Autowired
    Retention retention;

    @Autowired
    FeedbackRetention feedbackRetention;

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

    /** The grace period the application has by default. */
    static final Period GRACE = Period.ofDays(30);

    /** Moves the day a family fell due for deletion back, as if that long had passed. */
    private void dueSince(FamilyId family, Period ago) {
        assertThat(jdbc.sql("UPDATE referrals.retention_due SET first_due_at = now() - make_interval(days => ?)"
                                + " WHERE family_id = ?")
                        .params(ago.getDays(), family.value())
                        .update())
                .as("the family is due")
                .isEqualTo(1);
    }

    private FamilyId family(String name, LocalDate childBorn) {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        String postcode = jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = 'dudley-central' ORDER BY p.postcode LIMIT 1""").query(String.class).single();
        return requests.submit(new RequestDraft(
                        List.of(new FamilyMemberDraft("Sam", name, childBorn, Relationship.CHILD, null, null)),
                        "1 Church Road",
                        postcode,
                        null,
                        null,
                        Map.of(OutcomeArea.HEALTH, "Missed appointments."),
                        "",
                        "",
                        new ConsentDraft("Parent", TODAY, ConsentMethod.WRITTEN, "Health"),
                        null))
                .family();
    }

    @Test
    void aFamilyWhoseYoungestChildIsOver25IsReportedThenDeleted() {
        FamilyId old = family("Oldfield", TODAY.minusYears(25).minusDays(10));
        FamilyId young = family("Youngman", TODAY.minusYears(10));
        // Make the old family's request decided, so nothing is open.
        SignedIn.admin();
        Retention.Report report = retention.dryRun();
        assertThat(report.families())
                .extracting(Retention.Due::family)
                .contains(old)
                .doesNotContain(young);
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.family WHERE id = ?")
                        .param(old.value())
                        .query(Long.class)
                        .single())
                .as("a dry run deletes nothing")
                .isEqualTo(1);
        FamilyId graced = family("Gracewell", TODAY.minusYears(25).minusDays(5));
        SignedIn.nobody();
        retention.daily();
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.family WHERE id IN (?, ?)")
                        .params(old.value(), graced.value())
                        .query(Long.class)
                        .single())
                .as("newly due: kept for the grace period")
                .isEqualTo(2);
        dueSince(old, GRACE.plusDays(1));
        dueSince(graced, GRACE.minusDays(1));
        retention.daily();
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.family WHERE id = ?")
                        .param(old.value())
                        .query(Long.class)
                        .single())
                .as("due for longer than the grace period: deleted")
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.family WHERE id = ?")
                        .param(graced.value())
                        .query(Long.class)
                        .single())
                .as("due for a day less than the grace period: kept")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.person WHERE family_id = ?")
                        .param(old.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.family WHERE id = ?")
                        .param(young.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'erase' AND record_id = ?")
                        .param(old.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(retention::dryRun).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSubjectAccessExportHoldsEverythingAndIsAudited() {
        FamilyId id = family("Exportson", TODAY.minusYears(8));
        SignedIn.admin();
        assertThatThrownBy(() -> families.subjectAccess(id, "x")).isInstanceOf(ValidationException.class);
        String text = families.subjectAccess(id, "SAR-2026-041 from the mother by e-mail");
        assertThat(text)
                .contains("Exportson")
                .contains("Sam Exportson")
                .contains("Consent")
                .contains("Request for support");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'export-subject-access' AND record_id = ?")
                        .param(id.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> families.subjectAccess(id, "SAR-2026-041 from the mother"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void feedbackLosesItsWordsAfterTheSetTimeAndTheDryRunSaysSoBeforehand() {
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        var invitation = invitations.create(
                InvitationKind.GROUP,
                new HubId("dudley-central"),
                null,
                "Retention group " + UUID.randomUUID(),
                null,
                30);
        SignedIn.nobody();
        List<UUID> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(forms.submit(
                            invitation.code(),
                            new FeedbackDraft(
                                    AgeBand.TEEN,
                                    Mode.ANONYMOUS,
                                    null,
                                    null,
                                    FeelSafe.YES,
                                    4,
                                    null,
                                    null,
                                    null,
                                    "Words to forget " + i),
                            "10.78.0." + i)
                    .feedback());
        }
        UUID named = forms.submit(
                        invitation.code(),
                        new FeedbackDraft(
                                AgeBand.TEEN,
                                Mode.NAMED,
                                "Gwendolyn",
                                null,
                                FeelSafe.YES,
                                4,
                                "Gwendolyn's words to forget",
                                null,
                                null,
                                null),
                        "10.78.0.9")
                .feedback();
        List<UUID> old = answers.subList(0, 3);
        UUID recent = answers.get(3);
        for (UUID answer : List.of(old.get(0), old.get(1), old.get(2), named)) {
            jdbc.sql("UPDATE voice.feedback SET submitted_at = now() - interval '30 months' WHERE id = ?")
                    .param(answer)
                    .update();
        }
        SignedIn.admin();
        FeedbackRetention.Due due = feedbackRetention.dryRun();
        assertThat(due.anonymousTexts()).as("at least this test's three").isGreaterThanOrEqualTo(3);
        assertThat(due.namedOrPseudonymous())
                .as("at least this test's named answer")
                .isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM voice.feedback WHERE id = ANY (?) AND text_deleted_at IS NULL", (Object)
                        answers.toArray(UUID[]::new)))
                .as("a dry run deletes nothing")
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM voice.feedback WHERE id = ? AND first_name = 'Gwendolyn'", named))
                .isEqualTo(1);
        SignedIn.nobody();
        assertThat((long) feedbackRetention.daily())
                .as("the daily run changes exactly what the dry run reported, other tests' aged answers included")
                .isEqualTo(due.total());
        assertThat(count(
                        "SELECT count(*) FROM voice.feedback WHERE id = ANY (?) AND text_deleted_at IS NOT NULL"
                                + " AND anything IS NULL",
                        (Object) old.toArray(UUID[]::new)))
                .isEqualTo(3);
        assertThat(count(
                        "SELECT count(*) FROM voice.feedback WHERE id = ? AND first_name IS NULL AND helping IS NULL",
                        named))
                .as("the named answer past its period loses the name and the words")
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM voice.feedback WHERE id = ? AND text_deleted_at IS NULL"
                                + " AND anything = 'Words to forget 3'",
                        recent))
                .as("an answer inside the set time keeps its words")
                .isEqualTo(1);
        SignedIn.admin();
        assertThat(feedbackRetention.dryRun().total())
                .as("nothing is left due after the run")
                .isZero();
    }

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    Invitations invitations;

    @Autowired
    FeedbackForms forms;

    @Autowired
    ProjectionRebuild rebuild;

    @Autowired
    CaseSupervision supervision;

    private static final List<String> NAMES =
            List.of("Quillfeather", "Thaddeus", "Gwendolyn", "Brackenbury", "Ottoline");

    private void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void anErasedFamilyLeavesNoTraceInAnySchemaOrStoredEventAndTheDashboardsRebuild() throws Exception {
        // A family with the whole journey: a request, a case, its supervision, a contact with the child's words, a
        // named young person's feedback through the case's invitation, and a safeguarding alert.
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        String postcode = jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = 'dudley-central' ORDER BY p.postcode LIMIT 1""").query(String.class).single();
        Submitted submitted = requests.submit(new RequestDraft(
                List.of(
                        new FamilyMemberDraft(
                                "Gwendolyn", "Quillfeather", TODAY.minusYears(44), Relationship.PARENT, null, null),
                        new FamilyMemberDraft(
                                "Thaddeus", "Quillfeather", TODAY.minusYears(17), Relationship.CHILD, null, null)),
                "3 Mill Lane",
                postcode,
                null,
                null,
                Map.of(OutcomeArea.EDUCATION, "Thaddeus Quillfeather has stopped going to school."),
                "Talked with Gwendolyn Quillfeather.",
                "",
                new ConsentDraft("Gwendolyn Quillfeather", TODAY, ConsentMethod.WRITTEN, "School, the hub"),
                null));
        FamilyId family = submitted.family();
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        queue.decide(
                submitted.request(),
                queue.detail(submitted.request()).summary().version(),
                NeedLevel.SINGLE_AGENCY,
                DecisionOutcome.EARLY_HELP,
                "Early help with the school, for Thaddeus.",
                false);
        CaseId caseId = queue.allocate(
                submitted.request(), queue.detail(submitted.request()).summary().version(), "family.worker", Set.of());
        supervision.record(
                caseId,
                new CaseSupervision.Draft(
                        TODAY,
                        "Thaddeus Quillfeather's attendance.",
                        "Brackenbury School to meet Gwendolyn.",
                        TODAY.plusWeeks(6)));
        SignedIn.admin();
        // A reason the audit trail keeps may not name the family's people or give their address.
        assertThatThrownBy(() -> families.subjectAccess(family, "SAR-2026-077 from Gwendolyn Quillfeather"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messages().get("reason").key())
                                .isEqualTo("referrals.problem.reason.names-someone"));
        assertThatThrownBy(() -> families.breakGlass(family, "Police asked about the family at 3 Mill Lane today."))
                .isInstanceOf(ValidationException.class);
        // Each refusal tells the writer a word is in the record before any read is recorded: a string
        // of them would be someone trying names against the family, so each is on the record.
        assertThat(jdbc.sql("""
                        SELECT action || ' ' || coalesce(reason, '') || ' ' || coalesce(details, '') FROM audit.entry
                        WHERE record_type = 'family' AND record_id = ? AND action LIKE 'refused:%'""").param(family.toString()).query(String.class).list())
                .as("the refused subject access export and break-glass read, without their reasons")
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).startsWith("refused:export-subject-access"))
                .anySatisfy(e -> assertThat(e).startsWith("refused:break-glass"))
                .allSatisfy(e -> assertThat(e).doesNotContain("Quillfeather").doesNotContain("Mill Lane"));
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThat(families.family(family).breakGlassReads().items())
                .as("the family's hub lead sees both refusals beside the reads, without their reasons")
                .hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.refused()).isTrue();
                    assertThat(r.reason()).isEmpty();
                });
        SignedIn.admin();
        assertThat(families.breakGlass(family, "Police enquiry 2026/0412 about the mother, asked for today.")
                        .id())
                .isEqualTo(family);
        assertThat(families.subjectAccess(family, "SAR-2026-077 from the mother, by letter"))
                .as("the subject access export holds the case's supervision")
                .contains("Supervision on " + TODAY + " by ")
                .contains("discussed: Thaddeus Quillfeather's attendance.")
                .contains("decided: Brackenbury School to meet Gwendolyn.");
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        cases.logContact(
                caseId,
                new ContactDraft(
                        TODAY,
                        ContactKind.HOME_VISIT,
                        30,
                        true,
                        "Thaddeus said school scares him",
                        "Visit to Quillfeather home"));
        var invitation = invitations.create(
                InvitationKind.CASE,
                new HubId("dudley-central"),
                caseId.value(),
                "Quillfeather family review",
                AgeBand.TEEN,
                30);
        SignedIn.nobody();
        var feedback = forms.submit(
                invitation.code(),
                new FeedbackDraft(
                        AgeBand.TEEN,
                        Mode.NAMED,
                        "Thaddeus",
                        "thaddeus.q@example.org",
                        FeelSafe.NO,
                        2,
                        "Thaddeus here: the worker helps",
                        null,
                        null,
                        null),
                "10.77.0.1");
        await(
                "the feedback joins the family's record and the dashboards",
                () -> count("SELECT count(*) FROM referrals.case_feedback WHERE feedback_id = ?", feedback.feedback())
                                == 1
                        && count("SELECT count(*) FROM insight.case_file WHERE id = ?", caseId.value()) == 1);
        // The child's words on stepping up, and what the mother said on withdrawing consent, are kept
        // on the record, where erasure reaches them.
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        cases.stepUp(
                caseId,
                cases.caseRecord(caseId).version(),
                "Thaddeus Quillfeather told us his uncle hits him; the front door has it.",
                true);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        families.withdrawConsent(
                family,
                families.family(family).version(),
                "Gwendolyn Quillfeather phoned from 3 Mill Lane to stop the sharing.");
        // A family known only from a safeguarding concern, 26 years ago.
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        RequestId concern = requests.recordSafeguardingConcern(
                new SafeguardingConcern("Ottoline Brackenbury", postcode, "Bruises seen at school.", true, null));
        UUID concernFamily = jdbc.sql("SELECT family_id FROM referrals.request WHERE id = ?")
                .param(concern.value())
                .query(UUID.class)
                .single();
        // Time passes: the child is over 25, the case long closed, the concern 26 years old.
        jdbc.sql("UPDATE referrals.person SET date_of_birth = date_of_birth - interval '10 years' WHERE family_id = ?")
                .param(family.value())
                .update();
        jdbc.sql("UPDATE referrals.request SET submitted_at = submitted_at - interval '26 years' WHERE id = ?")
                .param(concern.value())
                .update();
        await(
                "the concern's events are delivered",
                () -> count("SELECT count(*) FROM insight.request WHERE id = ?", concern.value()) == 1);

        SignedIn.nobody();
        retention.daily();
        dueSince(family, GRACE.plusDays(1));
        dueSince(new FamilyId(concernFamily), GRACE.plusDays(1));
        retention.daily();
        assertThat(count("SELECT count(*) FROM referrals.family WHERE id = ANY (?)", (Object)
                        new UUID[] {family.value(), concernFamily}))
                .isZero();
        await(
                "every module has erased what it held",
                () -> count(
                                        "SELECT count(*) FROM voice.feedback WHERE id = ? AND first_name IS NULL AND helping IS NULL",
                                        feedback.feedback())
                                == 1
                        && count(
                                        "SELECT count(*) FROM insight.request WHERE id = ? AND family_label = 'Deleted record'",
                                        submitted.request().value())
                                == 1
                        && count(
                                        "SELECT count(*) FROM insight.request WHERE id = ? AND family_label = 'Deleted record'",
                                        concern.value())
                                == 1);

        List<String> terms = new ArrayList<>(NAMES);
        terms.add(family.toString());
        terms.add(concernFamily.toString());
        terms.add("thaddeus.q@example.org");
        long[] searched = {0, 0};
        List<String> hits = search(terms, searched);
        System.out.printf(
                "Erasure search: %d tables in every schema but the audit trail (the event archive included), %d rows,"
                        + " %d terms: %d hits%n",
                searched[0], searched[1], terms.size(), hits.size());
        assertThat(hits)
                .as("traces of the erased families outside the audit trail")
                .isEmpty();
        // The audit trail, never erased, keeps the families' ids, but not their people's names, their
        // address or a way to reach them.
        List<String> personal = new ArrayList<>(NAMES);
        personal.add("Mill Lane");
        personal.add("thaddeus.q@example.org");
        assertThat(personal)
                .as("the erased families' names, address and e-mail in the audit trail")
                .allSatisfy(
                        term -> assertThat(jdbc.sql("SELECT coalesce(string_agg(t::text, ' | '), '') FROM audit.entry t"
                                                + " WHERE strpos(lower(t::text), lower(?)) > 0")
                                        .param(term)
                                        .query(String.class)
                                        .single())
                                .as(term)
                                .isEmpty());

        // The dashboards rebuild from the redacted archive, and still hold no trace.
        SignedIn.admin();
        assertThat(rebuild.rebuild()).isPositive();
        assertThat(search(terms, new long[2])).as("after the rebuild").isEmpty();
        assertThat(count(
                        "SELECT count(*) FROM insight.request WHERE id = ?",
                        submitted.request().value()))
                .as("the counts stay")
                .isEqualTo(1);
    }

    /** Every row of every table in every schema but the audit trail's, searched for each term. */
    private List<String> search(List<String> terms, long[] searched) {
        List<String> hits = new ArrayList<>();
        List<String[]> tables = jdbc.sql("""
                        SELECT table_schema, table_name FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'audit')
                        ORDER BY 1, 2""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] table : tables) {
            String name = "\"" + table[0] + "\".\"" + table[1] + "\"";
            searched[0]++;
            searched[1] += count("SELECT count(*) FROM " + name);
            for (String term : terms) {
                long found =
                        count("SELECT count(*) FROM " + name + " t WHERE strpos(lower(t::text), lower(?)) > 0", term);
                if (found > 0) {
                    hits.add(table[0] + "." + table[1] + ": " + found + " rows mention " + term);
                }
            }
        }
        return hits;
    }
}
