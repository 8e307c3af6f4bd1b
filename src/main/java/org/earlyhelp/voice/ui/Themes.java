package org.earlyhelp.voice.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;
import org.earlyhelp.shared.Message;
import org.jspecify.annotations.Nullable;

/**
 * A theme's name in the page's language. Themes are stored by their English names (the words
 * FeedbackInbox suggests them by); each has its words in the files as {@code voice.theme.*}. A
 * theme written some other way (an older record) is shown as it was written.
 */
final class Themes {

    private Themes() {}

    static String label(@Nullable String theme) {
        if (theme == null) {
            return "";
        }
        String key = "voice.theme." + theme.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Message.exists(key) ? I18NProvider.translate(key) : theme;
    }
}
