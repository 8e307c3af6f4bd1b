package org.earlyhelp.portal.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a page says over itself, in plain words, when the server cannot go on with it.
 *
 * <ul>
 *   <li>A page of someone not signed in (a young person's feedback form) that the server no longer
 *       knows (its session ended: a phone that slept for longer than a session lasts), when they do
 *       something on it: that the page has closed and that what they wrote was not sent or saved.
 *       Vaadin's own default reloads the page at once and says nothing, so a young person's
 *       answers, written slowly on a phone, were gone without a word.
 *   <li>Anyone's page whose request failed on the server (an error of ours): that something went
 *       wrong and what they did last may not have been saved or sent. Vaadin's own default is
 *       "Internal error. Please notify the administrator", words that mean nothing to a child, who
 *       has no administrator to tell.
 * </ul>
 *
 * <p>The page stays as it was under the notice until they click it or press Esc, so that they can
 * copy what they wrote first.
 */
@Component
class PageNotices implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .setSystemMessagesProvider(info -> messages(
                        info.getService().getInstantiator().getI18NProvider(),
                        info.getLocale() == null ? Locale.UK : info.getLocale(),
                        info.getRequest() != null && info.getRequest().getUserPrincipal() != null));
        // The notice is read out and takes the focus when it comes, so that a person using a
        // screen reader or the keyboard knows of it too.
        event.getSource().addUIInitListener(init -> init.getUI().getPage().executeJs("""
                                if (!window.earlyHelpNotice) {
                                  window.earlyHelpNotice = new MutationObserver(() => {
                                    const notice = document.querySelector('.v-system-error:not([role])');
                                    if (notice) {
                                      notice.setAttribute('role', 'alert');
                                      notice.setAttribute('tabindex', '-1');
                                      notice.focus();
                                    }
                                  });
                                  window.earlyHelpNotice.observe(document.body, { childList: true });
                                }"""));
    }

    /**
     * The notices of a page, asked as the page is built.
     *
     * @param signedIn whether the page is a signed-in person's: once their session has ended (signed
     *     out after 30 minutes without use, or no longer allowed in), it goes straight to the sign-in
     *     page, which says why, so that a record does not stay on the screen
     */
    static CustomizedSystemMessages messages(@Nullable I18NProvider translations, Locale locale, boolean signedIn) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        if (translations == null) {
            return messages;
        }
        if (!signedIn) {
            messages.setSessionExpiredNotificationEnabled(true);
            messages.setSessionExpiredCaption(translations.getTranslation("session-ended.title", locale));
            messages.setSessionExpiredMessage(translations.getTranslation("session-ended.text", locale));
        }
        messages.setInternalErrorCaption(translations.getTranslation("page-failed.title", locale));
        messages.setInternalErrorMessage(translations.getTranslation("page-failed.text", locale));
        return messages;
    }
}
