package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Retention with a dry run first and a grace period, and the subject access export. */
@SpringBootTest(properties = {"earlyhelp.test.isolated=data-protection", "earlyhelp.retention.grace=PT0S"})
class DataProtectionTests {

    static final LocalDate TODAY = LocalDate.now(org.earlyhelp.shared.WorkingCalendar.LONDON);

    @Autowired
    RequestsForSupport requests;

    @Autowired
    Families families;

    @Autowired
    Retention retention;

    @Autowired
    org.earlyhelp.voice.FeedbackRetention feedbackRetention;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private UUID family(String name, LocalDate childBorn) {
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
        UUID old = family("Oldfield", TODAY.minusYears(25).minusDays(10));
        UUID young = family("Youngman", TODAY.minusYears(10));
        // Make the old family's request decided, so nothing is open.
        SignedIn.admin();
        Retention.Report report = retention.dryRun();
        assertThat(report.families())
                .extracting(Retention.Due::family)
                .contains(old)
                .doesNotContain(young);
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.family WHERE id = ?")
                        .param(old)
                        .query(Long.class)
                        .single())
                .as("a dry run deletes nothing")
                .isEqualTo(1);
        SignedIn.nobody();
        retention.daily();
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.family WHERE id = ?")
                        .param(old)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.person WHERE family_id = ?")
                        .param(old)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.family WHERE id = ?")
                        .param(young)
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
        UUID id = family("Exportson", TODAY.minusYears(8));
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
    void anonymousFeedbackLosesItsWordsAfterTheSetTime() {
        jdbc.sql("""
                        UPDATE voice.feedback SET submitted_at = now() - interval '30 months' WHERE id IN
                          (SELECT id FROM voice.feedback WHERE mode = 'ANONYMOUS' LIMIT 3)""").update();
        SignedIn.admin();
        long due = feedbackRetention.dryRun();
        assertThat(due).isEqualTo(3);
        SignedIn.nobody();
        assertThat(feedbackRetention.daily()).isEqualTo(3);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM voice.feedback WHERE text_deleted_at IS NOT NULL AND anything IS NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }
}
