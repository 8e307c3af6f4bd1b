package org.earlyhelp.board.ui;

import static org.earlyhelp.board.ui.PackTables.MONTH;
import static org.earlyhelp.board.ui.PackTables.line;
import static org.earlyhelp.board.ui.PackTables.n;
import static org.earlyhelp.board.ui.PackTables.percent;
import static org.earlyhelp.board.ui.PackTables.share;
import static org.earlyhelp.board.ui.PackTables.table;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earlyhelp.board.BoardPack;
import org.earlyhelp.board.BoardSection;
import org.earlyhelp.board.ui.PackTables.Extra;
import org.earlyhelp.board.ui.PackTables.Table;
import org.earlyhelp.board.ui.PackTables.Words;
import org.earlyhelp.insight.BoroughComparison;
import org.earlyhelp.quality.LearningFigures;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.sufficiency.CareForBoard;
import org.earlyhelp.voice.PublishedAnswer;
import org.earlyhelp.voice.VoiceForBoard;

/** The pack's sections from other modules than the referrals' read model: drift, audits, voice, care. */
final class OtherTables {

    private OtherTables() {}

    static Table drift(BoardPack pack, Words w, Function<HubId, String> hubName) {
        List<BoroughComparison.HubRow> rows = pack.drift();
        int open = rows.stream().mapToInt(BoroughComparison.HubRow::openCases).sum();
        int drifting =
                rows.stream().mapToInt(BoroughComparison.HubRow::drifting).sum();
        String headline = pack.current()
                ? w.of("board.drift.headline", drifting, open, percent(drifting, open))
                : w.of("board.drift.past");
        return table(
                pack,
                w,
                BoardSection.DRIFT,
                List.of(),
                headline,
                List.of(
                        w.of("board.col.hub"),
                        w.of("board.col.open-now"),
                        w.of("board.col.drifting"),
                        w.of("board.col.share")),
                rows.stream()
                        .map(r -> List.of(
                                hubName.apply(r.hub().id()),
                                n(r.openCases()),
                                n(r.drifting()),
                                percent(r.drifting(), r.openCases())))
                        .toList(),
                List.of(),
                null);
    }

    static Table audits(BoardPack pack, Words w, List<String> labels, String month) {
        Map<YearMonth, LearningFigures.MonthRow> byMonth =
                pack.audits().stream().collect(Collectors.toMap(LearningFigures.MonthRow::month, r -> r));
        List<LearningFigures.MonthRow> rows = pack.performance().stream()
                .map(m -> byMonth.getOrDefault(
                        m.month(), new LearningFigures.MonthRow(m.month(), 0, new LearningFigures.Count(0, 0))))
                .toList();
        LearningFigures.MonthRow now = rows.getLast();
        return table(
                pack,
                w,
                BoardSection.AUDITS,
                labels,
                now.count().grades() == 0
                        ? w.of("board.audits.none", month)
                        : w.of(
                                "board.audits.headline",
                                percent(now.count().goodOrBetter(), now.count().grades()),
                                now.audits(),
                                month),
                List.of(
                        w.of("board.col.month"),
                        w.of("board.col.audits"),
                        w.of("board.col.grades"),
                        w.of("board.col.good-or-better")),
                rows.stream()
                        .map(r -> List.of(
                                MONTH.format(r.month()),
                                n(r.audits()),
                                n(r.count().grades()),
                                percent(r.count().goodOrBetter(), r.count().grades())))
                        .toList(),
                List.of(line(
                        w.of("board.col.good-or-better"),
                        rows.stream()
                                .map(r -> share(
                                        r.count().goodOrBetter(), r.count().grades()))
                                .toList(),
                        false)),
                null);
    }

    static Table voice(BoardPack pack, Words w, List<String> labels, String month, Function<HubId, String> hubName) {
        List<VoiceForBoard.Month> rows = pack.voice().months();
        VoiceForBoard.Month now = rows.getLast();
        List<PublishedAnswer> answers = pack.voice().answers();
        return table(
                pack,
                w,
                BoardSection.VOICE,
                labels,
                w.of("board.voice.headline", now.feedback(), now.answersPublished(), month),
                List.of(w.of("board.col.month"), w.of("board.col.feedback"), w.of("board.col.answers")),
                rows.stream()
                        .map(r -> List.of(MONTH.format(r.month()), n(r.feedback()), n(r.answersPublished())))
                        .toList(),
                List.of(
                        line(
                                w.of("board.col.feedback"),
                                rows.stream()
                                        .map(r -> (Double) (double) r.feedback())
                                        .toList(),
                                false),
                        line(
                                w.of("board.col.answers"),
                                rows.stream()
                                        .map(r -> (Double) (double) r.answersPublished())
                                        .toList(),
                                true)),
                new Extra(
                        w.of("board.voice.answers", month),
                        List.of(
                                w.of("board.col.hub"),
                                w.of("board.col.theme"),
                                w.of("board.col.you-said"),
                                w.of("board.col.we-did")),
                        answers.stream()
                                .map(a -> List.of(hubName.apply(a.hub()), a.theme(), a.youSaid(), a.weDid()))
                                .toList()));
    }

    static Table care(BoardPack pack, Words w, List<String> labels) {
        CareForBoard.Figures care = pack.care();
        List<CareForBoard.Month> months = care.months();
        String last = months.getLast().inCare().map(String::valueOf).orElse("–");
        String headline = care.dataEnd().isEmpty()
                ? w.of("board.care.none")
                : w.of(
                        "board.care.headline",
                        last,
                        care.categories().stream()
                                .mapToInt(c -> Math.max(0, c.gap()))
                                .sum());
        return table(
                pack,
                w,
                BoardSection.CARE,
                labels,
                headline,
                List.of(w.of("board.col.month"), w.of("board.col.in-care")),
                months.stream()
                        .map(m -> List.of(
                                MONTH.format(m.month()),
                                m.inCare().map(String::valueOf).orElse(w.of("board.no-return"))))
                        .toList(),
                List.of(line(
                        w.of("board.col.in-care"),
                        months.stream()
                                .map(m -> m.inCare().map(Integer::doubleValue).orElse(null))
                                .toList(),
                        false)),
                new Extra(
                        w.of("board.care.gap"),
                        List.of(
                                w.of("board.col.category"),
                                w.of("board.col.children"),
                                w.of("board.col.places"),
                                w.of("board.col.gap")),
                        care.categories().stream()
                                .map(c -> List.of(
                                        w.of("sufficiency.category."
                                                + c.category().key()),
                                        n(c.children()),
                                        n(c.places()),
                                        n(c.gap())))
                                .toList()));
    }
}
