package org.earlyhelp.portal.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a page of someone not signed in (a young person's feedback form) says when the server no
 * longer knows it (its session ended: a phone that slept for longer than a session lasts) and they
 * do something on it: that the page has closed and that what they wrote was not sent or saved,
 * over the page, which stays as it was until they click or press Esc, so that they can copy what
 * they wrote first. Vaadin's own default reloads the page at once and says nothing, so a young
 * person's answers, written slowly on a phone, were gone without a word.
 */
@Component
class SessionEnded implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            @Nullable
            I18NProvider translations = info.getService().getInstantiator().getI18NProvider();
            Locale locale = info.getLocale() == null ? Locale.UK : info.getLocale();
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            // Asked as the page is built. A signed-in person's page, once its session has ended
            // (signed out after 30 minutes without use, or no longer allowed in), goes straight to
            // the sign-in page, which says why: a record must not stay on the screen.
            boolean signedIn = info.getRequest() != null && info.getRequest().getUserPrincipal() != null;
            if (translations != null && !signedIn) {
                messages.setSessionExpiredNotificationEnabled(true);
                messages.setSessionExpiredCaption(translations.getTranslation("session-ended.title", locale));
                messages.setSessionExpiredMessage(translations.getTranslation("session-ended.text", locale));
            }
            return messages;
        });
        // The notice is read out and takes the focus when it comes, so that a person using a
        // screen reader or the keyboard knows of it too.
        event.getSource().addUIInitListener(init -> init.getUI().getPage().executeJs("""
                                if (!window.earlyHelpSessionEnded) {
                                  window.earlyHelpSessionEnded = new MutationObserver(() => {
                                    const notice = document.querySelector('.v-system-error:not([role])');
                                    if (notice) {
                                      notice.setAttribute('role', 'alert');
                                      notice.setAttribute('tabindex', '-1');
                                      notice.focus();
                                    }
                                  });
                                  window.earlyHelpSessionEnded.observe(document.body, { childList: true });
                                }"""));
    }
}
