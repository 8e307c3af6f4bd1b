package org.earlyhelp.board;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.earlyhelp.insight.BoroughComparison;
import org.earlyhelp.insight.PerformanceMonth;
import org.earlyhelp.quality.LearningFigures;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.sufficiency.CareForBoard;
import org.earlyhelp.voice.VoiceForBoard;
import org.jspecify.annotations.Nullable;

/**
 * Everything the pack shows for a month and a hub (or the borough, with no hub), each list over the
 * 12 months ending with the month, oldest first.
 *
 * @param capacity the cases the team can lead between them, as set today
 * @param drift each hub's open and drifting cases today, shown only for the month not yet over
 *     (the read model keeps a case's latest contact, not its history); empty for past months
 * @param mayComment whether the signed-in person writes this pack's commentary
 */
public record BoardPack(
        YearMonth month,
        @Nullable HubId hub,
        String scopeName,
        List<PerformanceMonth> performance,
        int capacity,
        boolean current,
        List<BoroughComparison.HubRow> drift,
        List<LearningFigures.MonthRow> audits,
        VoiceForBoard.Figures voice,
        CareForBoard.Figures care,
        Map<BoardSection, Commentary> commentary,
        boolean mayComment) {

    /** The board month's own figures: the last of the 12. */
    public PerformanceMonth thisMonth() {
        return performance.getLast();
    }
}
