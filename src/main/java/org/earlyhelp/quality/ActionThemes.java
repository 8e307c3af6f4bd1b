package org.earlyhelp.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The themes of audits' actions, by the words they use, without Spring: an action may touch
 * several themes; one that uses none of their words is "other". A theme's word counts at the
 * start of a word of the action. The words are British English, as the actions are written.
 */
public final class ActionThemes {

    /** A theme and the word stems that put an action in it. */
    public enum Theme {
        CHILD_VOICE("child", "voice", "view", "words", "alone", "wishes", "feelings"),
        TIMELINESS("date", "time", "late", "delay", "overdue", "within", "deadline"),
        PARTNERS("school", "health", "housing", "police", "partner", "team", "agency", "gp"),
        PLAN("plan", "outcome", "goal", "measurable", "review", "score"),
        OVERSIGHT("supervis", "oversight", "manager", "decision"),
        RECORDING("record", "note", "case file", "chronology", "writ"),
        CLOSURE("clos", "step down", "step-down", "sustain", "follow-up", "follow up"),
        OTHER();

        private final List<String> stems;

        Theme(String... stems) {
            this.stems = List.of(stems);
        }

        /** The theme's part of an i18n key: {@code quality.theme.child-voice}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private ActionThemes() {}

    /** The themes an action's words touch, in the order of {@link Theme}; {@code OTHER} alone if none. */
    public static List<Theme> of(String action) {
        String words = action.toLowerCase(Locale.UK);
        // A stem counts at the start of a word: "view" is in "views", not in "review".
        List<Theme> found = Arrays.stream(Theme.values())
                .filter(t -> t.stems.stream()
                        .anyMatch(stem -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(stem))
                                .matcher(words)
                                .find()))
                .toList();
        return found.isEmpty() ? List.of(Theme.OTHER) : found;
    }
}
