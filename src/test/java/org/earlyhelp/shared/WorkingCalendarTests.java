package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    private static Instant london(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WorkingCalendar.LONDON)
                .toInstant();
    }

    private static LocalDate londonDate(Instant instant) {
        return instant.atZone(WorkingCalendar.LONDON).toLocalDate();
    }

    @Test
    void aRequestOnAnOrdinaryWeekdayIsDueByTheEndOfTheNextWorkingDay() {
        Instant due = calendar.due(london("2026-11-24T15:30"), 1);
        assertThat(londonDate(due)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(due.atZone(WorkingCalendar.LONDON).getHour()).isEqualTo(23);
    }

    @Test
    void todayIsTheDayInEnglandNotTheDayInCoordinatedUniversalTime() {
        // Half past midnight on 1 July in London is still 30 June by UTC: a form opened then
        // must offer 1 July, not refuse it as a date in the future.
        Clock justAfterMidnightInSummer = Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC);
        assertThat(WorkingCalendar.today(justAfterMidnightInSummer)).isEqualTo(LocalDate.of(2026, 7, 1));
        Clock justBeforeMidnightInWinter = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertThat(WorkingCalendar.today(justBeforeMidnightInWinter)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aFridayRequestIsDueOnMondayAndAfterABankHolidayOnTuesday() {
        assertThat(londonDate(calendar.due(london("2026-11-20T16:00"), 1))).isEqualTo(LocalDate.of(2026, 11, 23));
        // Good Friday 3 April and Easter Monday 6 April 2026.
        assertThat(londonDate(calendar.due(london("2026-04-02T10:00"), 1))).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void christmasSubstituteDaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 29))).isTrue();
        assertThat(calendar.isBankHoliday(LocalDate.of(2022, 9, 19))).isTrue();
    }

    @Test
    void workingDaysBetweenCountsOnlyWorkingDays() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 27)))
                .isEqualTo(5);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 20)))
                .isEqualTo(-5);
    }

    @Test
    void theListIsConfigurable() {
        WorkingCalendar custom = WorkingCalendar.of(List.of(LocalDate.of(2026, 11, 25)));
        assertThat(londonDate(custom.due(london("2026-11-24T09:00"), 1))).isEqualTo(LocalDate.of(2026, 11, 26));
    }
}
