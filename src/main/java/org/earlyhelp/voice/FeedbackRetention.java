package org.earlyhelp.voice;

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
import org.earlyhelp.voice.internal.RetentionQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    private final RetentionQueries retention;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final int months;
    private final int namedMonths;
    private final FeedbackErasure erasure;
    private final Clock clock;

    FeedbackRetention(
            RetentionQueries retention,
            CurrentUsers currentUsers,
            AuditTrail audit,
            @Value("${earlyhelp.retention.anonymous-text-months:24}") int months,
            @Value("${earlyhelp.retention.named-feedback-months:24}") int namedMonths,
            FeedbackErasure erasure,
            Clock clock) {
        this.namedMonths = namedMonths;
        this.erasure = erasure;
        this.retention = retention;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.months = months;
        this.clock = clock;
    }

    /**
     * What the daily run would erase today, and nothing else: anonymous answers whose words are
     * due, and named or pseudonymous answers past their own period; administrators.
     */
    @Transactional(readOnly = true)
    public Due dryRun() {
        currentUsers.requireAnyOf(Role.ADMIN);
        return new Due(
                retention.anonymousTextsDue(cutoff()),
                retention.namedDue(cutoff(namedMonths)).size());
    }

    /**
     * What a dry run found.
     *
     * @param anonymousTexts anonymous answers whose words would be deleted
     * @param namedOrPseudonymous named or pseudonymous answers whose name, words and sealed name
     *     would be erased
     */
    public record Due(long anonymousTexts, long namedOrPseudonymous) {

        /** Every answer the daily run would change. */
        public long total() {
            return anonymousTexts + namedOrPseudonymous;
        }
    }

    /** The daily run; the scheduler runs it once across instances ({@code VoiceSchedule}). */
    @SystemJob
    @Transactional
    public int daily() {
        int deleted = retention.deleteAnonymousTexts(cutoff(), clock.instant());
        audit.record(AuditAction.RETENTION_RUN, "feedback", "anonymous-text", null, null, deleted + " texts deleted");
        log.info("Retention: the words of {} pieces of anonymous feedback deleted", deleted);
        List<UUID> named = retention.namedDue(cutoff(namedMonths));
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
