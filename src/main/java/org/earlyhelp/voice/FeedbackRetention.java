package org.earlyhelp.voice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.jobs.SystemJob;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.FeedbackErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous feedback's free text is kept for a set number of months (default 24), then deleted:
 * the words go, the mood and themes stay for the measures. Named and pseudonymous feedback is
 * kept for its own period (default 24 months), then its words, the young person's name, sealed
 * name and way to reach them go too, with the stored events that carried them. A dry run reports
 * what is due.
 */
@Service
public class FeedbackRetention {

    private static final Logger log = LoggerFactory.getLogger(FeedbackRetention.class);

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final int months;
    private final int namedMonths;
    private final FeedbackErasure erasure;
    private final Clock clock;

    FeedbackRetention(
            JdbcClient jdbc,
            CurrentUsers currentUsers,
            AuditTrail audit,
            @Value("${earlyhelp.retention.anonymous-text-months:24}") int months,
            @Value("${earlyhelp.retention.named-feedback-months:24}") int namedMonths,
            FeedbackErasure erasure,
            Clock clock) {
        this.namedMonths = namedMonths;
        this.erasure = erasure;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.months = months;
        this.clock = clock;
    }

    /** How many pieces of anonymous feedback have words due for deletion; administrators. */
    @Transactional(readOnly = true)
    public long dryRun() {
        currentUsers.requireAnyOf(Role.ADMIN);
        return jdbc.sql("""
                        SELECT count(*) FROM voice.feedback WHERE mode = 'ANONYMOUS' AND text_deleted_at IS NULL
                          AND submitted_at < ? AND (helping IS NOT NULL OR change IS NOT NULL OR worker IS NOT NULL
                          OR anything IS NOT NULL)""").param(Timestamp.from(cutoff())).query(Long.class).single();
    }

    /** The daily run; the scheduler runs it once across instances ({@code VoiceSchedule}). */
    @SystemJob
    @Transactional
    public int daily() {
        int deleted = jdbc.sql("""
                        UPDATE voice.feedback SET helping = NULL, change = NULL, worker = NULL, anything = NULL, text_deleted_at = ?
                        WHERE mode = 'ANONYMOUS' AND text_deleted_at IS NULL AND submitted_at < ?""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(cutoff()))
                .update();
        audit.record(AuditAction.RETENTION_RUN, "feedback", "anonymous-text", null, null, deleted + " texts deleted");
        log.info("Retention: the words of {} pieces of anonymous feedback deleted", deleted);
        List<UUID> named = jdbc.sql("""
                        SELECT f.id FROM voice.feedback f WHERE f.mode <> 'ANONYMOUS' AND f.submitted_at < ?
                          AND (f.first_name IS NOT NULL OR f.helping IS NOT NULL OR f.change IS NOT NULL
                               OR f.worker IS NOT NULL OR f.anything IS NOT NULL
                               OR EXISTS (SELECT 1 FROM voice.sealed_identity s WHERE s.feedback_id = f.id))""")
                .param(Timestamp.from(cutoff(namedMonths)))
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        int erased = erasure.erase(named, List.of());
        audit.record(AuditAction.RETENTION_RUN, "feedback", "named-and-pseudonymous", null, null, erased + " erased");
        return deleted + erased;
    }

    private Instant cutoff() {
        return cutoff(months);
    }

    private Instant cutoff(int monthsKept) {
        return ZonedDateTime.now(clock.withZone(WorkingCalendar.LONDON))
                .minusMonths(monthsKept)
                .toInstant();
    }
}
