package org.earlyhelp.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays, which come from a
 * configurable list ({@code calendar/bank-holidays-england-and-wales.txt} unless {@code
 * earlyhelp.calendar.bank-holidays-file} names another, plus {@code
 * earlyhelp.calendar.extra-bank-holidays}). Times are in Europe/London.
 */
@Component
public class WorkingCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The end of a working day, to the second: the database keeps microseconds, so not LocalTime.MAX. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private static final String DEFAULT_LIST = "/calendar/bank-holidays-england-and-wales.txt";

    private final Set<LocalDate> bankHolidays;

    /** Today in England by the application's clock: the day a practitioner would write on a form. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }

    @Autowired
    WorkingCalendar(
            @Value("${earlyhelp.calendar.bank-holidays-file:}") String file,
            @Value("${earlyhelp.calendar.extra-bank-holidays:}") List<String> extra) {
        Set<LocalDate> holidays = new HashSet<>(file.isBlank() ? readDefault() : read(Path.of(file)));
        for (String date : extra) {
            if (!date.isBlank()) {
                holidays.add(LocalDate.parse(date.strip()));
            }
        }
        this.bankHolidays = Set.copyOf(holidays);
    }

    /** A calendar with exactly these bank holidays (for tests and tools). */
    public static WorkingCalendar of(Collection<LocalDate> bankHolidays) {
        WorkingCalendar calendar = new WorkingCalendar(List.copyOf(bankHolidays));
        return calendar;
    }

    /** A calendar with the default list of bank holidays. */
    public static WorkingCalendar englandAndWales() {
        return new WorkingCalendar(readDefault());
    }

    private WorkingCalendar(List<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    public boolean isBankHoliday(LocalDate date) {
        return bankHolidays.contains(date);
    }

    /** The working day that is {@code days} working days after {@code date} (date itself not counted). */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * When something received at {@code received} must be done by, given {@code days} working days:
     * the end of the {@code days}-th working day after the day it arrived. A request arriving on
     * Friday afternoon is due by the end of Monday (or Tuesday after a bank holiday Monday).
     */
    public Instant due(Instant received, int days) {
        LocalDate arrived = received.atZone(LONDON).toLocalDate();
        LocalDate dueDay = plusWorkingDays(arrived, days);
        return dueDay.atTime(END_OF_DAY).atZone(LONDON).toInstant();
    }

    /** Whole working days from {@code from} (exclusive) to {@code to} (inclusive); negative if to is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private static List<LocalDate> readDefault() {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(DEFAULT_LIST)) {
            if (in == null) {
                throw new IllegalStateException("The bank holiday list " + DEFAULT_LIST + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), DEFAULT_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LocalDate> read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The bank holiday list " + file + " cannot be read: check earlyhelp.calendar.bank-holidays-file",
                    e);
        }
    }

    private static List<LocalDate> parse(BufferedReader reader, String source) throws IOException {
        List<LocalDate> dates = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String date = trimmed.split("\\s+", 2)[0];
            @Nullable LocalDate parsed;
            try {
                parsed = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                        source + " line " + number + ": '" + date + "' is not a date like 2026-12-25", e);
            }
            dates.add(parsed);
        }
        return dates;
    }
}
