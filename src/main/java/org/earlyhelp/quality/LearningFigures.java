package org.earlyhelp.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * What the partnership learns from its moderated case file audits, worked out without Spring from
 * the grades that stand (the moderator's where they changed one) and the audits' actions.
 *
 * <ul>
 *   <li>good or better: the share of all domain grades, in a month, a domain or a hub, that are
 *       outstanding or good;
 *   <li>themes: how many actions touch each theme ({@link ActionThemes}), how many are still open
 *       and how many of those are overdue;
 *   <li>re-audits: each case audited (and moderated) more than once, its first and latest audit's
 *       share of good or better.
 * </ul>
 */
public final class LearningFigures {

    /** One standing grade of one moderated audit. */
    public record GradeRow(
            UUID audit, UUID caseId, HubId hub, YearMonth month, int position, String domain, Grade grade) {}

    /** One action of one moderated audit. */
    public record ActionRow(String action, LocalDate dueOn, boolean done) {}

    /** Grades counted, and how many were good or better. */
    public record Count(int grades, int goodOrBetter) {

        /** The share good or better, in per cent; 0 when nothing was graded. */
        public double percent() {
            return grades == 0 ? 0 : 100.0 * goodOrBetter / grades;
        }

        Count plus(Grade g) {
            return new Count(grades + 1, goodOrBetter + (g.goodOrBetter() ? 1 : 0));
        }
    }

    public record MonthRow(YearMonth month, int audits, Count count) {}

    public record DomainRow(String domain, Map<Grade, Integer> byGrade, Count count) {}

    public record HubRow(HubId hub, int audits, Count count) {}

    public record ThemeRow(ActionThemes.Theme theme, int actions, int open, int overdue) {}

    public record ReAudit(UUID caseId, HubId hub, YearMonth first, YearMonth latest, Count before, Count after) {}

    /** Everything the learning page shows. */
    public record Learning(
            int audits,
            Count overall,
            List<MonthRow> months,
            List<DomainRow> domains,
            List<HubRow> hubs,
            List<ThemeRow> themes,
            List<ReAudit> reAudits) {}

    private LearningFigures() {}

    /** The figures of these grades and actions; {@code today} decides what is overdue. */
    public static Learning of(List<GradeRow> grades, List<ActionRow> actions, LocalDate today) {
        Map<UUID, GradeRow> audits = new LinkedHashMap<>();
        grades.forEach(g -> audits.putIfAbsent(g.audit(), g));
        Count overall = new Count(0, 0);
        Map<YearMonth, Count> byMonth = new TreeMap<>();
        Map<String, Count> byDomain = new LinkedHashMap<>();
        Map<String, Map<Grade, Integer>> gradesByDomain = new LinkedHashMap<>();
        Map<HubId, Count> byHub = new TreeMap<>(Comparator.comparing(HubId::value));
        Map<UUID, Count> byAudit = new LinkedHashMap<>();
        for (GradeRow g : grades.stream()
                .sorted(Comparator.comparing(GradeRow::month).thenComparing(GradeRow::position))
                .toList()) {
            overall = overall.plus(g.grade());
            byMonth.merge(g.month(), new Count(0, 0).plus(g.grade()), LearningFigures::sum);
            byDomain.merge(g.domain(), new Count(0, 0).plus(g.grade()), LearningFigures::sum);
            gradesByDomain
                    .computeIfAbsent(g.domain(), d -> new EnumMap<>(Grade.class))
                    .merge(g.grade(), 1, Integer::sum);
            byHub.merge(g.hub(), new Count(0, 0).plus(g.grade()), LearningFigures::sum);
            byAudit.merge(g.audit(), new Count(0, 0).plus(g.grade()), LearningFigures::sum);
        }
        List<MonthRow> months = byMonth.entrySet().stream()
                .map(e -> new MonthRow(
                        e.getKey(),
                        (int) audits.values().stream()
                                .filter(a -> a.month().equals(e.getKey()))
                                .count(),
                        e.getValue()))
                .toList();
        List<DomainRow> domains = byDomain.entrySet().stream()
                .map(e -> new DomainRow(e.getKey(), gradesByDomain.getOrDefault(e.getKey(), Map.of()), e.getValue()))
                .toList();
        List<HubRow> hubs = byHub.entrySet().stream()
                .map(e -> new HubRow(
                        e.getKey(),
                        (int) audits.values().stream()
                                .filter(a -> a.hub().equals(e.getKey()))
                                .count(),
                        e.getValue()))
                .toList();
        Map<ActionThemes.Theme, int[]> themes = new EnumMap<>(ActionThemes.Theme.class);
        for (ActionRow a : actions) {
            for (ActionThemes.Theme t : ActionThemes.of(a.action())) {
                int[] c = themes.computeIfAbsent(t, x -> new int[3]);
                c[0]++;
                c[1] += a.done() ? 0 : 1;
                c[2] += !a.done() && a.dueOn().isBefore(today) ? 1 : 0;
            }
        }
        List<ThemeRow> themeRows = themes.entrySet().stream()
                .map(e -> new ThemeRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt(ThemeRow::actions).reversed())
                .toList();
        Map<UUID, List<GradeRow>> auditsByCase = new LinkedHashMap<>();
        audits.values()
                .forEach(a -> auditsByCase
                        .computeIfAbsent(a.caseId(), c -> new ArrayList<>())
                        .add(a));
        List<ReAudit> reAudits = new ArrayList<>();
        auditsByCase.forEach((caseId, list) -> {
            if (list.size() > 1) {
                List<GradeRow> inOrder = list.stream()
                        .sorted(Comparator.comparing(GradeRow::month))
                        .toList();
                GradeRow first = inOrder.getFirst();
                GradeRow latest = inOrder.getLast();
                reAudits.add(new ReAudit(
                        caseId,
                        first.hub(),
                        first.month(),
                        latest.month(),
                        count(byAudit.get(first.audit())),
                        count(byAudit.get(latest.audit()))));
            }
        });
        return new Learning(audits.size(), overall, months, domains, hubs, themeRows, List.copyOf(reAudits));
    }

    private static Count count(@Nullable Count c) {
        return c == null ? new Count(0, 0) : c;
    }

    private static Count sum(Count a, Count b) {
        return new Count(a.grades() + b.grades(), a.goodOrBetter() + b.goodOrBetter());
    }
}
