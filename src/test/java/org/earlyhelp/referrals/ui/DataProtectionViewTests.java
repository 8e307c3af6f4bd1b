package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import java.text.NumberFormat;
import java.util.Locale;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.FeedbackRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data protection page's retention report without a browser: besides the families due, it says
 * what the nightly feedback retention would erase, the same figures as the feedback dry run.
 */
@OwnDataApplicationTest
class DataProtectionViewTests extends SpringBrowserlessTest {

    @Autowired
    FeedbackRetention feedbackRetention;

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
}
