package org.earlyhelp.voice;

import org.jspecify.annotations.Nullable;

/** What a person typed into a search, as searched for. */
final class Searched {

    private Searched() {}

    /** The words without spaces around them and cut to {@code most} characters; none: empty. */
    static String words(@Nullable String typed, int most) {
        String words = typed == null ? "" : typed.strip();
        return words.length() > most ? words.substring(0, most) : words;
    }
}
