package org.earlyhelp.board.internal;

import java.time.Clock;
import java.time.YearMonth;
import org.earlyhelp.board.BoardSection;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Last month's board pack commentary for Dudley Central and for the borough, as a hub lead and an
 * administrator might write it; the figures come from the other modules' demonstration data. Off
 * with {@code earlyhelp.demo.journeys=false}.
 */
@Component
class BoardDemonstrationData implements DemonstrationData {

    private final CommentaryRepository commentary;
    private final Clock clock;
    private final boolean enabled;

    BoardDemonstrationData(
            CommentaryRepository commentary, Clock clock, @Value("${earlyhelp.demo.journeys:true}") boolean enabled) {
        this.commentary = commentary;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void load() {
        YearMonth month = YearMonth.from(WorkingCalendar.today(clock)).minusMonths(1);
        if (!enabled || !commentary.find("dudley-central", month).isEmpty()) {
            return;
        }
        write(
                "dudley-central",
                month,
                BoardSection.DECISIONS,
                "Two requests waited over a bank holiday; the duty rota now covers the day after one.",
                "Hub lead");
        write(
                "dudley-central",
                month,
                BoardSection.CASELOADS,
                "Caseloads are within capacity since the CVS family support worker joined the team.",
                "Hub lead");
        write(
                "dudley-central",
                month,
                BoardSection.VOICE,
                "Young people asked for sessions after school; the youth hub now opens until seven on Thursdays.",
                "Hub lead");
        write(
                "borough",
                month,
                BoardSection.CARE,
                "The gap in children's homes places is the commissioning priority for the next quarter.",
                "Administrator");
    }

    private void write(String scope, YearMonth month, BoardSection section, String text, String by) {
        commentary.save(scope, month, section, text, by, clock.instant(), 0);
    }
}
