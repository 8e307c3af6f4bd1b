package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The queue's clock in plain English: hours on the last working day, and singular and plural right. */
class QueueClockTextsTests {

    static Properties texts = new Properties();

    /** As Vaadin's translation provider formats a text: MessageFormat in the portal's locale. */
    static final BiFunction<String, Object[], String> T =
            (key, args) -> new MessageFormat(texts.getProperty("referrals." + key), Locale.UK).format(args);

    @BeforeAll
    static void load() throws Exception {
        try (Reader in = new InputStreamReader(
                QueueClockTextsTests.class.getResourceAsStream("/vaadin-i18n/translations.properties"),
                StandardCharsets.UTF_8)) {
            texts.load(in);
        }
    }

    @Test
    void theLastWorkingDayCountsHoursAndMinutes() {
        assertThat(HubQueueView.timeLeft(Duration.ofMinutes(200), T)).isEqualTo("3 hours 20 minutes");
        assertThat(HubQueueView.timeLeft(Duration.ofMinutes(60), T)).isEqualTo("1 hour");
        assertThat(HubQueueView.timeLeft(Duration.ofMinutes(61), T)).isEqualTo("1 hour 1 minute");
        assertThat(HubQueueView.timeLeft(Duration.ofMinutes(45), T)).isEqualTo("45 minutes");
        assertThat(HubQueueView.timeLeft(Duration.ofSeconds(30), T)).isEqualTo("less than a minute");
        assertThat(HubQueueView.timeLeft(Duration.ofMinutes(-5), T)).isEqualTo("less than a minute");
        assertThat(T.apply("queue.due-today", new Object[] {"2 Dec 2026, 17:00", "3 hours"}))
                .isEqualTo("Due today, by 2 Dec 2026, 17:00: 3 hours left");
    }

    @Test
    void oneWorkingDayIsSingular() {
        assertThat(T.apply("queue.due-in", new Object[] {1, "3 Dec 2026, 17:00"}))
                .isEqualTo("1 working day left (by 3 Dec 2026, 17:00)");
        assertThat(T.apply("queue.due-in", new Object[] {2, "4 Dec 2026, 17:00"}))
                .isEqualTo("2 working days left (by 4 Dec 2026, 17:00)");
    }
}
