package org.earlyhelp.hubs.openreferral;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads opening times as people type them in the directory ("Tuesdays and Thursdays 9:30 to
 * 11:30, term time", "Monday to Thursday 18:00 to 21:00") into weekly recurrences: the days, and
 * the opening and closing times. Text it cannot read with certainty gives no recurrence; the words
 * themselves are always kept as the schedule's description.
 */
final class OpeningTimes {

    /** Open on these days each week, from one time to another. */
    record Weekly(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

        /** RFC 5545's BYDAY: MO,TU,... in the week's order. */
        String byDay() {
            return days.stream().sorted().map(d -> d.name().substring(0, 2)).collect(Collectors.joining(","));
        }
    }

    private static final String DAY =
            "(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?s?|(?:wednes|satur)days?";
    private static final Pattern DAY_WORD = Pattern.compile("\\b(" + DAY + ")\\b");
    private static final Pattern RANGE = Pattern.compile("\\b(" + DAY + ")\\s*(?:to|-|–)\\s*(" + DAY + ")\\b");
    private static final Pattern TIMES = Pattern.compile(
            "\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\s*(?:to|-|–|until)\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\b");

    private OpeningTimes() {}

    /** The weekly recurrence the text describes, when it names days and one time range. */
    static List<Weekly> read(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher times = TIMES.matcher(lower);
        if (!times.find()) {
            return List.of();
        }
        LocalTime opens = time(times.group(1), times.group(2), times.group(3));
        LocalTime closes = time(times.group(4), times.group(5), times.group(6));
        if (times.find() || opens == null || closes == null || !opens.isBefore(closes)) {
            // Two time ranges, or one we cannot be sure of: say nothing rather than guess.
            return List.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (lower.matches(".*\\bweekdays?\\b.*")) {
            days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        }
        String rest = lower;
        Matcher range = RANGE.matcher(lower);
        while (range.find()) {
            DayOfWeek from = day(range.group(1));
            DayOfWeek to = day(range.group(3));
            if (from == null || to == null || to.compareTo(from) < 0) {
                return List.of();
            }
            days.addAll(EnumSet.range(from, to));
            rest = rest.replace(range.group(), " ");
        }
        Matcher single = DAY_WORD.matcher(rest);
        while (single.find()) {
            DayOfWeek day = day(single.group(1));
            if (day == null) {
                return List.of();
            }
            days.add(day);
        }
        if (days.isEmpty()) {
            return List.of();
        }
        List<Weekly> weekly = new ArrayList<>();
        weekly.add(new Weekly(days, opens, closes));
        return weekly;
    }

    private static @Nullable DayOfWeek day(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (w.startsWith(name.substring(0, 3))) {
                return d;
            }
        }
        return null;
    }

    private static @Nullable LocalTime time(String hours, @Nullable String minutes, @Nullable String meridiem) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        if (meridiem != null) {
            if (h < 1 || h > 12) {
                return null;
            }
            h = h % 12 + ("pm".equals(meridiem) ? 12 : 0);
        } else if (minutes == null) {
            // "9 to 5" without minutes or am/pm is too loose to read.
            return null;
        }
        if (h > 23 || m > 59) {
            return null;
        }
        return LocalTime.of(h, m);
    }
}
