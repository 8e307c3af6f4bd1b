package org.earlyhelp.voice;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the timetable flags, worked out without a database: two engagements that <b>clash</b>
 * (the same area, or either borough-wide; dates that overlap; ages that overlap), and a group
 * <b>asked too often</b> (the same audience, by name, in more than the set number of engagements
 * starting in one school term).
 */
public final class EngagementChecks {

    /** A school term: autumn (September to December), spring (January to March), summer (April to August). */
    public record Term(int startYear, String season) {

        public static Term of(LocalDate day) {
            Month m = day.getMonth();
            if (m.getValue() >= Month.SEPTEMBER.getValue()) {
                return new Term(day.getYear(), "autumn");
            }
            return m.getValue() <= Month.MARCH.getValue()
                    ? new Term(day.getYear() - 1, "spring")
                    : new Term(day.getYear() - 1, "summer");
        }

        /** The term's first day. */
        public LocalDate start() {
            return switch (season) {
                case "autumn" -> LocalDate.of(startYear, 9, 1);
                case "spring" -> LocalDate.of(startYear + 1, 1, 1);
                default -> LocalDate.of(startYear + 1, 4, 1);
            };
        }

        /** The term's last day: the day before the next term starts. */
        public LocalDate end() {
            return switch (season) {
                case "autumn" -> LocalDate.of(startYear, 12, 31);
                case "spring" -> LocalDate.of(startYear + 1, 3, 31);
                default -> LocalDate.of(startYear + 1, 8, 31);
            };
        }
    }

    /** What is flagged on one engagement: those it clashes with, and whether its group is asked too often. */
    public record Flags(List<UUID> clashesWith, int askedThisTerm, boolean askedTooOften) {}

    private EngagementChecks() {}

    public static boolean clash(Engagement a, Engagement b) {
        boolean sameArea = a.hub() == null || b.hub() == null || Objects.equals(a.hub(), b.hub());
        boolean datesOverlap =
                !a.startsOn().isAfter(b.endsOn()) && !b.startsOn().isAfter(a.endsOn());
        boolean agesOverlap = a.youngest() <= b.oldest() && b.youngest() <= a.oldest();
        return !a.id().equals(b.id()) && sameArea && datesOverlap && agesOverlap;
    }

    /** Each engagement's flags, by id, given every engagement that could clash or share its term. */
    public static Map<UUID, Flags> flags(List<Engagement> all, int mostPerTerm) {
        Map<String, Integer> asked = new LinkedHashMap<>();
        for (Engagement e : all) {
            asked.merge(groupKey(e), 1, Integer::sum);
        }
        Map<UUID, Flags> flags = new LinkedHashMap<>();
        for (Engagement e : all) {
            List<UUID> clashes = new ArrayList<>();
            for (Engagement other : all) {
                if (clash(e, other)) {
                    clashes.add(other.id());
                }
            }
            int times = asked.getOrDefault(groupKey(e), 0);
            flags.put(e.id(), new Flags(List.copyOf(clashes), times, times > mostPerTerm));
        }
        return flags;
    }

    private static String groupKey(Engagement e) {
        return Term.of(e.startsOn()) + "|"
                + e.audience().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
