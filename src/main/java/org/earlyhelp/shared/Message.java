package org.earlyhelp.shared;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Something a service tells a person, by its key in the translation files
 * ({@code vaadin-i18n/translations*.properties}) and its values, so that a page says it in the
 * person's language. {@link #english()} is the same words in English, for logs and the API.
 */
public record Message(String key, Object... args) implements Serializable {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.ROOT);

    public Message {
        if (!ENGLISH.containsKey(key)) {
            throw new IllegalArgumentException("No text for " + key + " in the translation files");
        }
        args = args.clone();
    }

    /** The message in English; its values put in as the pages put them in (only where it has some). */
    public String english() {
        String pattern = ENGLISH.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.UK).format(args);
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message m && m.key.equals(key) && Arrays.equals(m.args, args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return english();
    }
}
