package org.earlyhelp.board.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.earlyhelp.board.BoardPack;
import org.earlyhelp.board.BoardSection;
import org.earlyhelp.insight.PerformanceMonth;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.ui.SvgLineChart.Line;
import org.jspecify.annotations.Nullable;

/**
 * The pack's sections as the page, the PDF and the CSVs show them: one definition of each
 * section's headline, table, chart and second table, so the three never disagree.
 */
final class PackTables {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    static final String BLUE = "#1a4fa0";
    static final String RED = "#a3333d";

    /** Words by key, with arguments (the page's translations). */
    @FunctionalInterface
    interface Words {
        String of(String key, Object... args);
    }

    /** A second table under the first, such as the answers published or the places by category. */
    record Extra(String title, List<String> headers, List<List<String>> rows) {}

    /** One section. {@code lines} may be empty (no chart); {@code extra} may be null. */
    record Table(
            BoardSection section,
            String title,
            String headline,
            List<String> headers,
            List<List<String>> rows,
            List<String> labels,
            List<Line> lines,
            @Nullable Extra extra,
            String note) {}

    private PackTables() {}

    static String percent(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.UK, "%.0f%%", part * 100.0 / whole);
    }

    static @Nullable Double share(int part, int whole) {
        return whole == 0 ? null : part * 100.0 / whole;
    }

    static List<Table> of(BoardPack pack, Words w, Function<HubId, String> hubName) {
        List<PerformanceMonth> p = pack.performance();
        List<String> labels = p.stream().map(m -> MONTH.format(m.month())).toList();
        PerformanceMonth now = pack.thisMonth();
        String month = MONTH.format(pack.month());
        List<Table> tables = new ArrayList<>();

        tables.add(table(
                pack,
                w,
                BoardSection.DECISIONS,
                labels,
                now.decided() == 0
                        ? w.of("board.decisions.none", month)
                        : w.of(
                                "board.decisions.headline",
                                percent(now.decidedOnTime(), now.decided()),
                                now.decided(),
                                month),
                List.of(
                        w.of("board.col.month"),
                        w.of("board.col.decided"),
                        w.of("board.col.within-day"),
                        w.of("board.col.share")),
                p.stream()
                        .map(m -> List.of(
                                MONTH.format(m.month()),
                                n(m.decided()),
                                n(m.decidedOnTime()),
                                percent(m.decidedOnTime(), m.decided())))
                        .toList(),
                List.of(line(
                        w.of("board.col.within-day"),
                        p.stream()
                                .map(m -> share(m.decidedOnTime(), m.decided()))
                                .toList(),
                        false)),
                null));

        tables.add(table(
                pack,
                w,
                BoardSection.ASSESSMENTS,
                labels,
                now.assessmentsDue() == 0
                        ? w.of("board.assessments.none", month)
                        : w.of(
                                "board.assessments.headline",
                                percent(now.assessmentsOnTime(), now.assessmentsDue()),
                                now.assessmentsDue(),
                                month),
                List.of(
                        w.of("board.col.month"),
                        w.of("board.col.due"),
                        w.of("board.col.on-time"),
                        w.of("board.col.share")),
                p.stream()
                        .map(m -> List.of(
                                MONTH.format(m.month()),
                                n(m.assessmentsDue()),
                                n(m.assessmentsOnTime()),
                                percent(m.assessmentsOnTime(), m.assessmentsDue())))
                        .toList(),
                List.of(line(
                        w.of("board.col.on-time"),
                        p.stream()
                                .map(m -> share(m.assessmentsOnTime(), m.assessmentsDue()))
                                .toList(),
                        false)),
                null));

        int capacity = pack.capacity();
        tables.add(table(
                pack,
                w,
                BoardSection.CASELOADS,
                labels,
                w.of("board.caseloads.headline", now.openAtEnd(), capacity, percent(now.openAtEnd(), capacity)),
                List.of(
                        w.of("board.col.month"),
                        w.of("board.col.open-at-end"),
                        w.of("board.col.capacity"),
                        w.of("board.col.of-capacity")),
                p.stream()
                        .map(m -> List.of(
                                MONTH.format(m.month()),
                                n(m.openAtEnd()),
                                n(capacity),
                                percent(m.openAtEnd(), capacity)))
                        .toList(),
                List.of(
                        line(
                                w.of("board.col.open-at-end"),
                                p.stream()
                                        .map(m -> (Double) (double) m.openAtEnd())
                                        .toList(),
                                false),
                        line(
                                w.of("board.col.capacity"),
                                p.stream().map(m -> (Double) (double) capacity).toList(),
                                true)),
                null));

        tables.add(OtherTables.drift(pack, w, hubName));

        tables.add(table(
                pack,
                w,
                BoardSection.RE_REFERRALS,
                labels,
                now.requests() == 0
                        ? w.of("board.re-referrals.none", month)
                        : w.of(
                                "board.re-referrals.headline",
                                percent(now.reReferrals(), now.requests()),
                                now.requests(),
                                month),
                List.of(
                        w.of("board.col.month"),
                        w.of("board.col.requests"),
                        w.of("board.col.re-referrals"),
                        w.of("board.col.share")),
                p.stream()
                        .map(m -> List.of(
                                MONTH.format(m.month()),
                                n(m.requests()),
                                n(m.reReferrals()),
                                percent(m.reReferrals(), m.requests())))
                        .toList(),
                List.of(line(
                        w.of("board.col.re-referrals"),
                        p.stream()
                                .map(m -> share(m.reReferrals(), m.requests()))
                                .toList(),
                        false)),
                null));

        tables.add(table(
                pack,
                w,
                BoardSection.STEPS,
                labels,
                w.of("board.steps.headline", now.stepUps(), now.stepDowns(), month),
                List.of(w.of("board.col.month"), w.of("board.col.step-ups"), w.of("board.col.step-downs")),
                p.stream()
                        .map(m -> List.of(MONTH.format(m.month()), n(m.stepUps()), n(m.stepDowns())))
                        .toList(),
                List.of(
                        line(
                                w.of("board.col.step-ups"),
                                p.stream()
                                        .map(m -> (Double) (double) m.stepUps())
                                        .toList(),
                                false),
                        line(
                                w.of("board.col.step-downs"),
                                p.stream()
                                        .map(m -> (Double) (double) m.stepDowns())
                                        .toList(),
                                true)),
                null));

        tables.add(table(
                pack,
                w,
                BoardSection.OUTCOMES,
                labels,
                now.needs() == 0
                        ? w.of("board.outcomes.none", month)
                        : w.of(
                                "board.outcomes.headline",
                                percent(now.needsAchieved(), now.needs()),
                                now.closures(),
                                month),
                List.of(
                        w.of("board.col.month"),
                        w.of("board.col.closures"),
                        w.of("board.col.needs-met"),
                        w.of("board.col.all-met"),
                        w.of("board.col.held")),
                p.stream()
                        .map(m -> List.of(
                                MONTH.format(m.month()),
                                n(m.closures()),
                                percent(m.needsAchieved(), m.needs()),
                                n(m.closedAllMet()),
                                m.sustained() == null
                                        ? w.of("board.too-soon")
                                        : percent(m.sustained(), m.closedAllMet())))
                        .toList(),
                List.of(
                        line(
                                w.of("board.col.needs-met"),
                                p.stream()
                                        .map(m -> share(m.needsAchieved(), m.needs()))
                                        .toList(),
                                false),
                        line(
                                w.of("board.col.held"),
                                p.stream()
                                        .map(m -> m.sustained() == null ? null : share(m.sustained(), m.closedAllMet()))
                                        .toList(),
                                true)),
                null));

        tables.add(OtherTables.audits(pack, w, labels, month));
        tables.add(OtherTables.voice(pack, w, labels, month, hubName));
        tables.add(OtherTables.care(pack, w, labels));
        return tables;
    }

    static Table table(
            BoardPack pack,
            Words w,
            BoardSection section,
            List<String> labels,
            String headline,
            List<String> headers,
            List<List<String>> rows,
            List<Line> lines,
            @Nullable Extra extra) {
        String note = w.of("board.section." + section.key() + ".note");
        return new Table(
                section,
                w.of("board.section." + section.key() + ".title"),
                headline,
                headers,
                rows,
                lines.isEmpty() ? List.of() : labels,
                lines,
                extra,
                note);
    }

    static Line line(String name, List<? extends @Nullable Double> values, boolean dashed) {
        List<@Nullable Double> copy = new ArrayList<>(values);
        return new Line(name, copy, dashed ? RED : BLUE, dashed);
    }

    static String n(int value) {
        return String.valueOf(value);
    }
}
