package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.earlyhelp.testing.FreePorts;
import org.earlyhelp.testing.ProductionJar;
import org.earlyhelp.testing.SilentMailServer;
import org.junit.jupiter.api.Test;

/**
 * Confidential, not secret, even through a crash: the production jar runs as a separate process;
 * young people on a family's case send feedback through the public form, one in three saying they
 * do not feel safe; the process is killed with SIGKILL while alerts wait to be raised and the
 * family's record is still taking feedback in; on restart every alert is raised and every feedback
 * joins the family's record, each exactly once, and each alert is mailed once. The alerts' mails are
 * in flight at the kill: the first life's mail server takes the connection and never answers.
 * Prints the figures.
 */
class AlertCrashIT extends BrowserTest {

    private static final String CODE = "CRASH0TEST0CQDE1";

    /** Feedback items sent before the kill; every third says "No" to feeling safe. */
    private static final int FEEDBACK = 60;

    @Test
    void feedbackAndAlertsWaitingWhenTheApplicationIsKilledTakeEffectOnceAfterTheRestart() throws Exception {
        String database = "earlyhelp_crash_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ProductionJar.execute("postgres", "CREATE DATABASE " + database);
        int port = FreePorts.next();
        int safeguarding = 0;
        String caseId;
        long incompleteAtKill;
        SilentMailServer silentMail = new SilentMailServer();
        GreenMail mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", "smtp"));
        mail.start();
        try {
            // First life: the mail server takes the alerts' mails and never answers (the sender would
            // wait ten minutes), so the kill lands while they are in flight.
            Process first = ProductionJar.start(
                    database,
                    port,
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + silentMail.port(),
                    "--spring.mail.properties.mail.smtp.connectiontimeout=600000",
                    "--spring.mail.properties.mail.smtp.timeout=600000");
            try {
                caseId = caseInvitation(database, CODE, "Crash test");
                browser().clearCookies();
                long sending = System.nanoTime();
                for (int i = 0; i < FEEDBACK; i++) {
                    boolean unsafe = i % 3 == 0;
                    long loading = System.nanoTime();
                    openFeedbackForm("http://localhost:" + port + "/say/" + CODE);
                    if (i == 0) {
                        System.out.printf(
                                Locale.ROOT,
                                "%nProduction jar: public feedback form usable in %.2f s (first visit, navigation to"
                                        + " the Send button).%n",
                                (System.nanoTime() - loading) / 1e9);
                    }
                    answerAndSend(!unsafe);
                    if (unsafe) {
                        safeguarding++;
                    }
                }
                double sendingSeconds = (System.nanoTime() - sending) / 1e9;
                assertThat(ProductionJar.count(
                                database,
                                "SELECT count(*) FROM voice.feedback WHERE invitation_id ="
                                        + " (SELECT id FROM voice.invitation WHERE code = '" + CODE + "')"))
                        .as("every feedback the young people were thanked for is stored")
                        .isEqualTo(FEEDBACK);
                assertThat(ProductionJar.count(database, "SELECT count(*) FROM voice.alert"))
                        .as("every alert is saved with its feedback, before any mail")
                        .isEqualTo(safeguarding);
                incompleteAtKill = ProductionJar.count(
                        database,
                        "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL"
                                + " AND event_type LIKE '%SafeguardingAlertRaised'");
                assertThat(incompleteAtKill)
                        .as("the alerts' mails are stored as events with the feedback, waiting")
                        .isGreaterThanOrEqualTo(safeguarding);
                System.out.printf(
                        Locale.ROOT,
                        "Crash test, feedback: %d sent through the public form in %.1f s (%d saying they do not feel"
                                + " safe); at the kill %d alert mails waiting (%d of them being delivered again),"
                                + " %d alerts saved, %d of %d in the family's record.%n",
                        FEEDBACK,
                        sendingSeconds,
                        safeguarding,
                        incompleteAtKill,
                        ProductionJar.count(
                                database,
                                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL"
                                        + " AND status = 'RESUBMITTED'"),
                        ProductionJar.count(database, "SELECT count(*) FROM voice.alert"),
                        caseFeedback(database, caseId),
                        FEEDBACK);
            } finally {
                first.destroyForcibly();
                first.waitFor();
            }

            // Second life, with a mail server that answers: the retry delivers the stored events again
            // (every 5 s here, a minute by default); alerts mailed, records joined. A publication the
            // first life's retry was delivering again at the kill stays "resubmitted" until it is
            // stale (5 s here, five minutes by default, checked every 5 s here, every minute by
            // default); only then does the retry deliver it. With the defaults, this test waited
            // 271 s after the relaunch whenever the first life lasted long enough to retry.
            long restarted = System.nanoTime();
            Process second = ProductionJar.start(
                    database,
                    port,
                    "--earlyhelp.events.retry-every=PT5S",
                    "--earlyhelp.events.retry-older-than=PT5S",
                    "--spring.modulith.events.staleness.resubmitted=PT5S",
                    "--spring.modulith.events.staleness.check-interval=PT5S",
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + mail.getSmtp().getPort());
            try {
                // The loop ends as soon as all is done (seconds on an idle machine); the deadline
                // only bounds a failure. 90 s proved too short on a loaded 2-core machine (125.8 s).
                long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
                while ((ProductionJar.count(database, "SELECT count(*) FROM voice.alert") < safeguarding
                                || caseFeedback(database, caseId) < FEEDBACK
                                || ProductionJar.count(
                                                database,
                                                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL"
                                                        + " AND event_type LIKE '%SafeguardingAlertRaised'")
                                        > 0)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - restarted) / 1e9;
                Thread.sleep(2000);
                long alerts = ProductionJar.count(database, "SELECT count(*) FROM voice.alert");
                long joined = caseFeedback(database, caseId);
                long distinctAlerts =
                        ProductionJar.count(database, "SELECT count(DISTINCT feedback_id) FROM voice.alert");
                System.out.printf(
                        Locale.ROOT,
                        "Crash test, feedback: process killed (SIGKILL); after the restart %d alert(s) for %d unsafe"
                                + " answers and %d of %d feedback in the family's record, %.1f s from relaunch:"
                                + " %d lost, %d duplicated.%n",
                        alerts,
                        safeguarding,
                        joined,
                        FEEDBACK,
                        seconds,
                        Math.max(0, safeguarding - alerts) + Math.max(0, FEEDBACK - joined),
                        alerts - distinctAlerts);
                assertThat(alerts).as("one alert for each unsafe answer").isEqualTo(safeguarding);
                assertThat(ProductionJar.count(
                                database,
                                "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL"
                                        + " AND event_type LIKE '%SafeguardingAlertRaised'"))
                        .as("every alert's mail delivered after the restart")
                        .isZero();
                assertThat(distinctAlerts).isEqualTo(alerts);
                // Each alert's mail sent once: one message for each address it names, none more.
                long addressed = ProductionJar.count(
                        database,
                        "SELECT coalesce(sum(cardinality(string_to_array(mailed_to, ', '))), 0) FROM voice.alert"
                                + " WHERE mailed_at IS NOT NULL");
                mail.waitForIncomingEmail(5_000, (int) addressed);
                Thread.sleep(1000);
                System.out.printf(
                        Locale.ROOT,
                        "Crash test, mail: %d connection(s) left waiting on the silent mail server at the kill;"
                                + " after the restart %d of %d alerts mailed, %d message(s) for %d address(es).%n",
                        silentMail.connections(),
                        ProductionJar.count(database, "SELECT count(*) FROM voice.alert WHERE mailed_at IS NOT NULL"),
                        alerts,
                        mail.getReceivedMessages().length,
                        addressed);
                assertThat(silentMail.connections())
                        .as("the first life's alert mails were in flight at the kill")
                        .isPositive();
                assertThat(ProductionJar.count(database, "SELECT count(*) FROM voice.alert WHERE mailed_at IS NULL"))
                        .as("every alert mailed after the restart")
                        .isZero();
                assertThat(mail.getReceivedMessages())
                        .as("each alert mailed once to each of its addresses")
                        .hasSize((int) addressed);
                assertThat(joined)
                        .as("every feedback joined the family's record once")
                        .isEqualTo(FEEDBACK);
                assertThat(
                                ProductionJar.count(
                                        database,
                                        "SELECT count(*) FROM audit.entry WHERE action = 'raise-alert' AND record_type = 'feedback'"))
                        .as("each alert audited once")
                        .isEqualTo(safeguarding);
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            silentMail.close();
            mail.stop();
            ProductionJar.execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
