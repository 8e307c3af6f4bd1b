package org.earlyhelp.shared;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a text that outlives a person's record (a reason the audit trail keeps) names them: a word
 * of the text, whatever its case, that is a word of one of their names. Words shorter than two
 * letters, and "the", "and", "of" and "family", are not taken for names.
 */
public final class NamesInText {

    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{M}]+");
    private static final Set<String> NOT_NAMES = Set.of("family", "the", "and", "of");

    private NamesInText() {}

    /** The first word of {@code text} that is a word of one of {@code names}, as written in the text. */
    public static Optional<String> firstNamed(String text, Collection<String> names) {
        Set<String> words = new HashSet<>();
        names.forEach(name -> words.addAll(words(name)));
        words.removeAll(NOT_NAMES);
        for (String word : NOT_A_LETTER.split(text)) {
            if (words.contains(word.toLowerCase(Locale.ROOT))) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    private static List<String> words(String text) {
        return NOT_A_LETTER
                .splitAsStream(text.toLowerCase(Locale.ROOT))
                .filter(w -> w.length() >= 2)
                .toList();
    }
}
