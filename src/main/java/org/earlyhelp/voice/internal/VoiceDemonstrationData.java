package org.earlyhelp.voice.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.demo.AsDemonstrationData;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.earlyhelp.voice.ThemeConfirmed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In every hub: an open campaign invitation, a season of feedback with confirmed themes (so the
 * dashboards show them), and one published "you said, we did" answer. Generated from a fixed
 * seed; off with {@code earlyhelp.demo.journeys=false}, like the referrals module's families.
 */
@Component
class VoiceDemonstrationData implements DemonstrationData {

    private static final List<String[]> SAID = List.of(
            new String[] {"The youth club is the best thing. I wish it was open more.", "things to do"},
            new String[] {"It's hard to get to the hub on the bus.", "distance from home"},
            new String[] {"My worker listens to me.", "being listened to"},
            new String[] {"I want to see my brother more.", "brothers and sisters"},
            new String[] {"School is better now I have help with homework.", "school"},
            new String[] {"Sometimes there isn't enough food at the end of the month.", "money and basics"});

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HubDirectory hubs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final AsDemonstrationData asDemonstrationData;

    VoiceDemonstrationData(
            JdbcClient jdbc,
            HubDirectory hubs,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            AsDemonstrationData asDemonstrationData,
            @Value("${earlyhelp.demo.journeys:true}") boolean enabled) {
        this.asDemonstrationData = asDemonstrationData;
        this.clock = clock;
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.events = events;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load() {
        if (!enabled
                || jdbc.sql("SELECT count(*) FROM voice.invitation")
                                .query(Integer.class)
                                .single()
                        > 0) {
            return;
        }
        asDemonstrationData.run(this::fill);
    }

    private void fill() {
        transactions.executeWithoutResult(tx -> {
            Random random = new Random(20261127L);
            Instant now = clock.instant();
            for (Hub hub : hubs.hubs()) {
                UUID invitation = UUID.randomUUID();
                String code = ("DEMO"
                                + hub.id().value().replaceAll("[^a-z]", "").toUpperCase() + "0000000000000000")
                        .replaceAll("[ILOU]", "X")
                        .substring(0, 16);
                jdbc.sql("""
                                INSERT INTO voice.invitation (id, code, kind, hub_id, label, created_by, created_at, expires_at)
                                VALUES (?, ?, 'CAMPAIGN', ?, 'Summer survey (demonstration)', 'system', ?, ?)""")
                        .params(
                                invitation,
                                code,
                                hub.id().value(),
                                Timestamp.from(now.minus(Duration.ofDays(120))),
                                Timestamp.from(now.plus(Duration.ofDays(60))))
                        .update();
                for (int i = 0; i < 12; i++) {
                    String[] said = SAID.get(random.nextInt(SAID.size()));
                    UUID feedback = UUID.randomUUID();
                    Instant at =
                            now.minus(Duration.ofDays(random.nextInt(110))).minus(Duration.ofHours(random.nextInt(24)));
                    jdbc.sql("""
                                    INSERT INTO voice.feedback (id, invitation_id, hub_id, age_band, mode, feel_safe, mood,
                                      anything, safeguarding, submitted_at) VALUES (?, ?, ?, ?, 'ANONYMOUS', 'YES', ?, ?, false, ?)""")
                            .params(
                                    feedback,
                                    invitation,
                                    hub.id().value(),
                                    random.nextBoolean() ? "CHILD" : "TEEN",
                                    2 + random.nextInt(4),
                                    said[0],
                                    Timestamp.from(at))
                            .update();
                    jdbc.sql("""
                                    INSERT INTO voice.feedback_theme (feedback_id, theme, confirmed_by, confirmed_at)
                                    VALUES (?, ?, 'system', ?)""").params(feedback, said[1], Timestamp.from(at)).update();
                    events.publishEvent(new ThemeConfirmed(feedback, hub.id(), said[1], at));
                }
                UUID answer = UUID.randomUUID();
                jdbc.sql("UPDATE voice.invitation SET answers = 12 WHERE id = ?")
                        .param(invitation)
                        .update();
                jdbc.sql("""
                                INSERT INTO voice.response (id, hub_id, theme, you_said, owner, decision, status, we_did,
                                  approved_by, approved_at, published_at, created_at)
                                VALUES (?, ?, 'things to do', 'The youth club is great but is not open enough.', 'Hub lead',
                                  'Open on Saturdays from next month with Dudley CVS.', 'DONE',
                                  'The youth club is now open on Saturday afternoons too.', 'Hub lead', ?, ?, ?)""")
                        .params(
                                answer,
                                hub.id().value(),
                                Timestamp.from(now.minus(Duration.ofDays(10))),
                                Timestamp.from(now.minus(Duration.ofDays(10))),
                                Timestamp.from(now.minus(Duration.ofDays(40))))
                        .update();
                // The answer went to the youth council, and what it changed (the Lundy model's
                // audience and influence).
                jdbc.sql("""
                                INSERT INTO voice.hearing (id, response_id, heard_by, heard_on, what_changed, recorded_by)
                                VALUES (?, ?, 'The youth council', ?, 'Saturday opening is now part of the borough''s youth offer.',
                                  'Hub lead')""")
                        .params(
                                UUID.randomUUID(),
                                answer,
                                Date.valueOf(now.atZone(WorkingCalendar.LONDON)
                                        .toLocalDate()
                                        .minusDays(5)))
                        .update();
            }
        });
    }
}
