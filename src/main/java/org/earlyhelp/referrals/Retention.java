package org.earlyhelp.referrals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.referrals.internal.RetentionRepository;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.events.EventArchive;
import org.earlyhelp.shared.events.RecordsErased;
import org.earlyhelp.shared.jobs.SystemJob;
import org.earlyhelp.shared.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of early help records: kept until the youngest child is 25 (configurable), then
 * deleted. Every run reports first (a dry run): a family is deleted only when it has been
 * reported as due for the grace period (default 30 days) and has no open case. Daily.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** What a run found and did. */
    public record Report(int newlyDue, int due, int deleted, List<Due> families) {}

    /** A family due for deletion: no names, only the hub, the youngest child's birth year and since when. */
    public record Due(FamilyId family, String hub, int youngestBornYear, Instant dueSince) {}

    private final RetentionRepository store;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EventArchive eventArchive;
    private final int keepUntilAge;
    private final Duration grace;
    private final Clock clock;

    Retention(
            RetentionRepository store,
            CurrentUsers currentUsers,
            AuditTrail audit,
            ApplicationEventPublisher events,
            EventArchive eventArchive,
            @Value("${earlyhelp.retention.keep-until-youngest-is:25}") int keepUntilAge,
            @Value("${earlyhelp.retention.grace:P30D}") Duration grace,
            Clock clock) {
        this.store = store;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.events = events;
        this.eventArchive = eventArchive;
        this.keepUntilAge = keepUntilAge;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * The daily run: report what is due, delete what has been due for the grace period. The
     * scheduler runs it once across instances ({@code RetentionSchedule}).
     */
    @SystemJob
    @Transactional
    public void daily() {
        Report report = run(true);
        log.info(
                "Retention: {} families newly due, {} due, {} deleted",
                report.newlyDue(),
                report.due(),
                report.deleted());
    }

    /** Reports what is due without deleting anything; administrators. */
    @Transactional
    public Report dryRun() {
        currentUsers.requireAnyOf(Role.ADMIN);
        return run(false);
    }

    Report run(boolean delete) {
        Instant now = clock.instant();
        LocalDate cutoff = WorkingCalendar.today(clock).minusYears(keepUntilAge);
        int newly = store.markNewlyDue(now, cutoff);
        store.forgetNoLongerDue(cutoff);
        List<Due> due = store.due();
        int deleted = 0;
        if (delete) {
            for (Due d : due) {
                if (d.dueSince().isBefore(now.minus(grace))) {
                    erase(d.family());
                    deleted++;
                }
            }
        }
        audit.record(
                delete ? AuditAction.RETENTION_RUN : AuditAction.RETENTION_DRY_RUN,
                "retention",
                "families",
                null,
                null,
                newly + " newly due, " + due.size() + " due, " + deleted + " deleted");
        return new Report(newly, due.size(), deleted, due);
    }

    private void erase(FamilyId family) {
        // What the family's record is known by elsewhere: its requests, cases and feedback, its
        // label and its people's names, to take out of the stored events too.
        RetentionRepository.Known known = store.known(family);
        List<UUID> requestIds = known.requests();
        List<UUID> caseIds = known.cases();
        List<String> ids = new ArrayList<>();
        ids.add(family.toString());
        requestIds.forEach(r -> ids.add(r.toString()));
        caseIds.forEach(c -> ids.add(c.toString()));
        known.feedback().forEach(f -> ids.add(f.toString()));
        Set<String> texts = new LinkedHashSet<>(known.texts());
        store.delete(family);
        int redacted = eventArchive.redact(ids, List.of(family.toString()), texts);
        audit.record(
                AuditAction.ERASE,
                "family",
                family.toString(),
                null,
                "retention: youngest child over " + keepUntilAge,
                requestIds.size() + " requests, " + caseIds.size() + " cases, " + redacted + " stored events redacted");
        events.publishEvent(new RecordsErased(requestIds, caseIds, clock.instant()));
    }
}
