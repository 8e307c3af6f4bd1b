package org.earlyhelp.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What a page says over itself when the server cannot go on with it, from the application's own
 * words (the browser sees the session-ended notice in {@code IdleSignOutIT}).
 */
class PageNoticesTests {

    private static final DefaultI18NProvider WORDS = new DefaultI18NProvider(List.of(Locale.ENGLISH));

    @Test
    void aYoungPersonIsToldInPlainWordsWhenTheirPageHasClosedOrFailed() {
        CustomizedSystemMessages notices = PageNotices.messages(WORDS, Locale.UK, false);

        assertThat(notices.isSessionExpiredNotificationEnabled()).isTrue();
        assertThat(notices.getSessionExpiredCaption()).isEqualTo("This page has closed");
        assertThat(notices.getSessionExpiredMessage()).contains("not sent or saved", "copy what you want to keep");
        assertThat(notices.getInternalErrorCaption()).isEqualTo("Something went wrong");
        assertThat(notices.getInternalErrorMessage())
                .contains("may not have been sent or saved", "copy what you want to keep")
                .doesNotContainIgnoringCase("administrator");
        assertThat(notices.isInternalErrorNotificationEnabled()).isTrue();
    }

    @Test
    void aSignedInPersonsPageGoesToTheSignInPageWhenItsSessionEndsButAFailureIsSaidTheSame() {
        CustomizedSystemMessages notices = PageNotices.messages(WORDS, Locale.UK, true);
        CustomizedSystemMessages vaadins = new CustomizedSystemMessages();

        assertThat(notices.isSessionExpiredNotificationEnabled()).isFalse();
        assertThat(notices.getSessionExpiredCaption()).isEqualTo(vaadins.getSessionExpiredCaption());
        assertThat(notices.getInternalErrorCaption()).isEqualTo("Something went wrong");
        assertThat(notices.getInternalErrorMessage()).doesNotContainIgnoringCase("administrator");
    }
}
