package org.earlyhelp.hubs.openreferral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening times as people type them, read into weekly recurrences only when they are certain. */
class OpeningTimesTests {

    private static String read(String text) {
        List<OpeningTimes.Weekly> weekly = OpeningTimes.read(text);
        return weekly.isEmpty()
                ? "-"
                : weekly.getFirst().byDay() + " " + weekly.getFirst().opens() + "-"
                        + weekly.getFirst().closes();
    }

    @Test
    void daysAndOneTimeRangeBecomeAWeeklySchedule() {
        assertThat(read("Tuesdays and Thursdays 9:30 to 11:30, term time")).isEqualTo("TU,TH 09:30-11:30");
        assertThat(read("Monday to Thursday 18:00 to 21:00")).isEqualTo("MO,TU,WE,TH 18:00-21:00");
        assertThat(read("Mondays 13:00 to 16:00, no appointment needed")).isEqualTo("MO 13:00-16:00");
        assertThat(read("Wednesdays 10:00 to 12:00, courses start each half term"))
                .isEqualTo("WE 10:00-12:00");
        assertThat(read("Weekdays 9am - 5pm")).isEqualTo("MO,TU,WE,TH,FR 09:00-17:00");
        assertThat(read("Sat 10.30am to 1pm")).isEqualTo("SA 10:30-13:00");
        assertThat(read("Saturday and Sunday 10:00–16:00")).isEqualTo("SA,SU 10:00-16:00");
    }

    @Test
    void whatCannotBeReadWithCertaintyGivesNoRecurrence() {
        assertThat(read("By appointment, weekdays")).isEqualTo("-");
        assertThat(read("Mondays 9 to 5")).isEqualTo("-");
        assertThat(read("Mondays 10:00 to 12:00 and Fridays 14:00 to 16:00")).isEqualTo("-");
        assertThat(read("Fridays 16:00 to 10:00")).isEqualTo("-");
        assertThat(read("Thursday to Monday 10:00 to 12:00")).isEqualTo("-");
        assertThat(read("10:00 to 12:00 monthly")).isEqualTo("-");
        assertThat(read("")).isEqualTo("-");
    }

    @Test
    void timesAreWhatWasWritten() {
        OpeningTimes.Weekly w = OpeningTimes.read("Fridays 12pm to 12:45pm").getFirst();
        assertThat(w.opens()).isEqualTo(LocalTime.NOON);
        assertThat(w.closes()).isEqualTo(LocalTime.of(12, 45));
    }
}
