package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.earlyhelp.referrals.Retention;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.FeedbackRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data protection page's retention report without a browser: besides the families due, it says
 * what the nightly feedback retention would erase, the same figures as the feedback dry run.
 */
@OwnDataApplicationTest
class DataProtectionViewTests extends SpringBrowserlessTest {

    @Autowired
    FeedbackRetention feedbackRetention;

    @Autowired
    Retention retention;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void theRetentionReportSaysWhatTheFeedbackRunWouldErase() {
        SignedIn.admin();
        navigate(SubjectAccessView.class);
        test($(Button.class).id("retention-dry-run")).click();

        FeedbackRetention.Due due = feedbackRetention.dryRun();
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.UK);
        assertThat($(Paragraph.class).id("retention-feedback").getText())
                .startsWith("Young people's feedback: " + number.format(due.anonymousTexts()) + " anonymous answers")
                .contains(" and " + number.format(due.namedOrPseudonymous()) + " named or pseudonymous answers");
    }

    @Test
    void theRetentionReportSaysHowManyFamiliesItDoesNotList() {
        // More families due than the page lists: each with one child born long enough ago.
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i <= SubjectAccessView.LISTED; i++) {
            added.add(familyWithAChild("Retention test", "Grown", "Up", LocalDate.of(1990, 1, 1)));
        }
        try {
            SignedIn.admin();
            navigate(SubjectAccessView.class);
            test($(Button.class).id("retention-dry-run")).click();

            int due = retention.dryRun().families().size();
            assertThat(due).isGreaterThan(SubjectAccessView.LISTED);
            assertThat($(UnorderedList.class).first().getChildren().count()).isEqualTo(SubjectAccessView.LISTED);
            assertThat($(Paragraph.class).id("retention-more").getText())
                    .isEqualTo("Only the first 200 are listed here. " + (due - SubjectAccessView.LISTED)
                            + " more families are due as well, and are deleted in the same way.");
        } finally {
            added.forEach(this::remove);
        }
    }

    @Test
    void aSubjectAccessReasonThatNamesTheFamilysPeopleIsRefusedNextToTheField() {
        UUID family = familyWithAChild("Lindgren family", "Perpetua", "Lindgren", LocalDate.of(2015, 5, 1));
        try {
            SignedIn.admin();
            navigate(SubjectAccessView.class);
            test($(TextField.class).id("sar-family")).setValue(family.toString());
            test($(TextArea.class).id("sar-reason")).setValue("SAR-2026-090 from Perpetua's father, by letter");
            test($(Button.class).id("sar-prepare")).click();

            TextArea reason = $(TextArea.class).id("sar-reason");
            assertThat(reason.isInvalid()).isTrue();
            assertThat(reason.getErrorMessage())
                    .startsWith("Your reason holds \"Perpetua\", a name or the address in this family's record.");
            assertThat($(Anchor.class).withId("sar-download").exists())
                    .as("no export")
                    .isFalse();
            assertThat(jdbc.sql(
                                    "SELECT count(*) FROM audit.entry WHERE action = 'export-subject-access' AND record_id = ?")
                            .param(family.toString())
                            .query(Long.class)
                            .single())
                    .isZero();

            test($(TextArea.class).id("sar-reason")).setValue("SAR-2026-090 from the father, by letter");
            test($(Button.class).id("sar-prepare")).click();
            assertThat(reason.isInvalid()).isFalse();
            assertThat($(Anchor.class).withId("sar-download").exists()).isTrue();
        } finally {
            remove(family);
        }
    }

    /** A family written straight into the tables, in the first hub, with one child. */
    private UUID familyWithAChild(String label, String givenName, String familyName, LocalDate born) {
        UUID family = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO referrals.family (id, label, address, postcode, hub_id, created_at)
                        VALUES (?, ?, '12 Castle Hill', 'DY1 4QF', 'dudley-central', now())""").params(family, label).update();
        jdbc.sql("""
                        INSERT INTO referrals.person (id, family_id, given_name, family_name, date_of_birth, relationship, position)
                        VALUES (?, ?, ?, ?, ?, 'CHILD', 0)""")
                .params(UUID.randomUUID(), family, givenName, familyName, born)
                .update();
        return family;
    }

    private void remove(UUID family) {
        jdbc.sql("DELETE FROM referrals.retention_due WHERE family_id = ?")
                .param(family)
                .update();
        jdbc.sql("DELETE FROM referrals.break_glass WHERE family_id = ?")
                .param(family)
                .update();
        jdbc.sql("DELETE FROM referrals.person WHERE family_id = ?")
                .param(family)
                .update();
        jdbc.sql("DELETE FROM referrals.family WHERE id = ?").param(family).update();
    }
}
