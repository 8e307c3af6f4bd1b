package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The request form, without a browser: the safeguarding question comes first and a "yes" shows
 * the shutter, not the form; a concern or a request with its fields missing is refused next to
 * each field and nothing is saved.
 */
@OwnDataApplicationTest
class RequestFormTests extends SpringBrowserlessTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signInAndOpenTheForm() {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        navigate(RequestForSupportView.class);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @SuppressWarnings("unchecked")
    private void answer(boolean concern) {
        RadioButtonGroup<Boolean> question = $(RadioButtonGroup.class).id("safeguarding-question");
        test(question).selectItem(concern ? "Yes, or I am not sure" : "No");
    }

    @Test
    void aYesShowsTheShutterAndAnIncompleteConcernIsRefusedNextToItsFields() {
        long before = count("referrals.request");
        answer(true);

        assertThat($(Section.class).id("shutter").isVisible()).isTrue();
        assertThat($(Section.class).all())
                .as("no request form shown")
                .noneMatch(x -> x.getId().orElse("").equals("request-form"));
        test($(Button.class).id("record-concern")).click();

        TextField child = $(TextField.class).id("concern-child");
        assertThat(child.isInvalid()).isTrue();
        assertThat(child.getErrorMessage()).isNotBlank();
        assertThat($(TextArea.class).id("concern-worry").isInvalid()).isTrue();
        assertThat(count("referrals.request")).as("nothing saved").isEqualTo(before);
    }

    @Test
    void anEmptyRequestIsRefusedFieldByFieldAndNothingIsSaved() {
        long before = count("referrals.request");
        answer(false);

        assertThat($(Section.class).withId("shutter").exists())
                .as("no shutter shown")
                .isFalse();
        test($(Button.class).id("send-request")).click();

        assertThat($(TextField.class).id("member-0-given").isInvalid()).isTrue();
        assertThat($(TextField.class).id("address").isInvalid()).isTrue();
        assertThat($(TextField.class).id("postcode").isInvalid()).isTrue();
        assertThat($(TextField.class).id("consent-by").isInvalid()).isTrue();
        assertThat($(Paragraph.class).id("needs-error").getText()).isNotBlank();
        assertThat($(Paragraph.class).id("form-errors").getText()).isNotBlank();
        assertThat(count("referrals.request")).as("nothing saved").isEqualTo(before);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
