package org.earlyhelp.benchmark;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.board.BoardPacks;
import org.earlyhelp.insight.BoroughComparison;
import org.earlyhelp.insight.MonthlyPerformance;
import org.earlyhelp.quality.AuditLearning;
import org.earlyhelp.quality.CaseAudits;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.sufficiency.CareForBoard;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.VoiceForBoard;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The monthly case file audit draw at borough scale: every hub's sample for one month, with its
 * candidates, the staff of every hub and the month's load, in one transaction. A month is drawn
 * once, so each run draws another month (going back from seven months ago, before the
 * demonstration's own samples).
 */
final class QualityBenchmark {

    private static final int WARM_UP = 2;
    private static final int RUNS = 20;

    private QualityBenchmark() {}

    static Benchmarks.Result sampleDraw(ConfigurableApplicationContext context, String scale) {
        CaseAudits audits = context.getBean(CaseAudits.class);
        SignedIn.admin();
        YearMonth month = YearMonth.from(LocalDate.now(WorkingCalendar.LONDON)).minusMonths(7);
        for (int i = 0; i < WARM_UP; i++) {
            audits.draw(month);
            month = month.minusMonths(1);
        }
        double[] millis = new double[RUNS];
        int drawn = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            List<CaseAudits.HubSample> samples = audits.draw(month);
            millis[i] = (System.nanoTime() - start) / 1e6;
            drawn += samples.stream().mapToInt(CaseAudits.HubSample::drawn).sum();
            month = month.minusMonths(1);
        }
        Arrays.sort(millis);
        System.out.println("Audit sample draw: " + drawn + " cases drawn over " + RUNS + " months");
        return new Benchmarks.Result(
                "audit sample draw (every hub)",
                scale,
                Benchmarks.percentile(millis, 50),
                Benchmarks.percentile(millis, 95),
                Benchmarks.percentile(millis, 99),
                1000);
    }

    /** The board pack over ten years of generated data: the borough's and one hub's, past and current. */
    static List<Benchmarks.Result> boardPacks(ConfigurableApplicationContext context, String scale) {
        BoardPacks packs = context.getBean(BoardPacks.class);
        SignedIn.admin();
        YearMonth thisMonth = YearMonth.from(LocalDate.now(WorkingCalendar.LONDON));
        HubId central = new HubId("dudley-central");
        YearMonth last = thisMonth.minusMonths(1);
        YearMonth first = last.minusMonths(11);
        MonthlyPerformance performance = context.getBean(MonthlyPerformance.class);
        CareForBoard care = context.getBean(CareForBoard.class);
        VoiceForBoard voice = context.getBean(VoiceForBoard.class);
        AuditLearning learning = context.getBean(AuditLearning.class);
        BoroughComparison comparison = context.getBean(BoroughComparison.class);
        // Its parts alone, to see where the time goes.
        for (Benchmarks.Result part : List.of(
                Benchmarks.measure("  its performance months", scale, 300, () -> performance.months(null, first, last)),
                Benchmarks.measure("  its care figures", scale, 300, () -> care.figures(first, last)),
                Benchmarks.measure("  its voice figures", scale, 300, () -> voice.figures(null, first, last)),
                Benchmarks.measure("  its audit grades", scale, 300, () -> learning.learning(first, last, null)),
                Benchmarks.measure("  its drift (this month)", scale, 300, comparison::compare))) {
            System.out.printf(
                    Locale.ROOT, "%-36s %9.1f %9.1f %9.1f%n", part.path(), part.p50(), part.p95(), part.p99());
        }
        return List.of(
                Benchmarks.measure(
                        "board pack (borough, last month)",
                        scale,
                        300,
                        () -> packs.pack(thisMonth.minusMonths(1), null)),
                Benchmarks.measure("board pack (borough, this month)", scale, 300, () -> packs.pack(thisMonth, null)),
                Benchmarks.measure(
                        "board pack (hub, 5 years ago)",
                        scale,
                        300,
                        () -> packs.pack(thisMonth.minusYears(5), central)));
    }
}
