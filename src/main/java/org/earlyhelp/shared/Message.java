package org.earlyhelp.shared;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

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

    /** Whether the translation files have words for a key. */
    public static boolean exists(String key) {
        return ENGLISH.containsKey(key);
    }

    /**
     * The message in English; its values put in as the pages put them in (only where it has some).
     * A value that is itself a message is said in English too, and a list of messages as one
     * text, separated by semicolons.
     */
    public String english() {
        String pattern = ENGLISH.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] values =
                Arrays.stream(args).map(a -> said(a, Message::english)).toArray();
        return new MessageFormat(pattern, Locale.UK).format(values);
    }

    /** A value as a page puts it in: a message said, a list of messages said one after another. */
    public static Object said(Object value, Function<Message, String> say) {
        if (value instanceof Message m) {
            return say.apply(m);
        }
        if (value instanceof List<?> list && list.stream().allMatch(Message.class::isInstance)) {
            return String.join(
                    "; ", list.stream().map(m -> say.apply((Message) m)).toList());
        }
        return value;
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
