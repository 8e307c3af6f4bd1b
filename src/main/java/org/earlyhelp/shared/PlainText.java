package org.earlyhelp.shared;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Checks on free text people and partner systems send, before it is stored. */
public final class PlainText {

    private PlainText() {}

    /**
     * Whether the text holds control characters other than tab, line feed and carriage return: the
     * database cannot store a NUL, and none of them belongs in a person's words.
     */
    public static boolean hasControlCharacters(@Nullable String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Adds a problem for each field whose text holds control characters, unless it has one already. */
    public static void check(Map<String, @Nullable String> fields, Map<String, Message> problems) {
        fields.forEach((field, text) -> {
            if (hasControlCharacters(text)) {
                problems.putIfAbsent(
                        field, new Message("shared.problem.field.remove-invisible-control-characters-from"));
            }
        });
    }
}
