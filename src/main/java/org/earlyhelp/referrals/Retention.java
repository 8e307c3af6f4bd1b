package org.earlyhelp.referrals;

import java.sql.Timestamp;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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
    public record Due(UUID family, String hub, int youngestBornYear, Instant dueSince) {}

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EventArchive eventArchive;
    private final int keepUntilAge;
    private final Duration grace;
    private final Clock clock;

    Retention(
            JdbcClient jdbc,
            CurrentUsers currentUsers,
            AuditTrail audit,
            ApplicationEventPublisher events,
            EventArchive eventArchive,
            @Value("${earlyhelp.retention.keep-until-youngest-is:25}") int keepUntilAge,
            @Value("${earlyhelp.retention.grace:P30D}") Duration grace,
            Clock clock) {
        this.jdbc = jdbc;
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
        int newly = jdbc.sql("""
                        INSERT INTO referrals.retention_due (family_id, hub_id, youngest_born, first_due_at)
                        SELECT f.id, f.hub_id, max(p.date_of_birth), ? FROM referrals.family f
                        JOIN referrals.person p ON p.family_id = f.id AND p.relationship = 'CHILD'
                        WHERE NOT EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.family_id = f.id AND c.closed_at IS NULL)
                        GROUP BY f.id, f.hub_id HAVING max(p.date_of_birth) < ?
                        ON CONFLICT DO NOTHING""").params(Timestamp.from(now), cutoff).update();
        // A family known only from a safeguarding concern has no child's date of birth: its record
        // is kept as long from its latest request.
        newly += jdbc.sql("""
                        INSERT INTO referrals.retention_due (family_id, hub_id, youngest_born, first_due_at)
                        SELECT f.id, f.hub_id, max(r.submitted_at AT TIME ZONE 'Europe/London')::date, ?
                        FROM referrals.family f JOIN referrals.request r ON r.family_id = f.id
                        WHERE NOT EXISTS (SELECT 1 FROM referrals.person p WHERE p.family_id = f.id AND p.relationship = 'CHILD')
                          AND NOT EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.family_id = f.id AND c.closed_at IS NULL)
                        GROUP BY f.id, f.hub_id HAVING max(r.submitted_at AT TIME ZONE 'Europe/London')::date < ?
                        ON CONFLICT DO NOTHING""").params(Timestamp.from(now), cutoff).update();
        // No longer due (a new request, or the rule changed): forget it.
        jdbc.sql("""
                        DELETE FROM referrals.retention_due d WHERE d.youngest_born >= ?
                          OR EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.family_id = d.family_id AND c.closed_at IS NULL)
                          OR (NOT EXISTS (SELECT 1 FROM referrals.person p WHERE p.family_id = d.family_id
                                          AND p.relationship = 'CHILD')
                              AND EXISTS (SELECT 1 FROM referrals.request r WHERE r.family_id = d.family_id
                                          AND r.submitted_at AT TIME ZONE 'Europe/London' >= ?))""").params(cutoff, cutoff.atStartOfDay()).update();
        List<Due> due = jdbc.sql(
                        "SELECT family_id, hub_id, youngest_born, first_due_at FROM referrals.retention_due ORDER BY first_due_at")
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class).getYear(),
                        rs.getTimestamp(4).toInstant()))
                .list();
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

    private void erase(UUID family) {
        // What the family's record is known by elsewhere: its requests, cases and feedback, its
        // label and its people's names, to take out of the stored events too.
        List<UUID> requestIds = jdbc.sql("SELECT id FROM referrals.request WHERE family_id = ?")
                .param(family)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        List<UUID> caseIds = jdbc.sql("SELECT id FROM referrals.case_file WHERE family_id = ?")
                .param(family)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        List<String> ids = new ArrayList<>();
        ids.add(family.toString());
        requestIds.forEach(r -> ids.add(r.toString()));
        caseIds.forEach(c -> ids.add(c.toString()));
        jdbc.sql("SELECT feedback_id FROM referrals.case_feedback WHERE case_id = ANY (?)")
                .param(caseIds.toArray(UUID[]::new))
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list()
                .forEach(f -> ids.add(f.toString()));
        Set<String> texts = new LinkedHashSet<>();
        jdbc.sql("SELECT label FROM referrals.family WHERE id = ?")
                .param(family)
                .query(String.class)
                .list()
                .forEach(texts::add);
        jdbc.sql("SELECT given_name || ' ' || family_name FROM referrals.person WHERE family_id = ?")
                .param(family)
                .query(String.class)
                .list()
                .forEach(texts::add);
        String cases = "(SELECT id FROM referrals.case_file WHERE family_id = :f)";
        String requests = "(SELECT id FROM referrals.request WHERE family_id = :f)";
        for (String sql : List.of(
                "DELETE FROM referrals.contact WHERE case_id IN " + cases,
                "DELETE FROM referrals.review_score WHERE review_id IN (SELECT id FROM referrals.review WHERE case_id IN "
                        + cases + ")",
                "DELETE FROM referrals.review WHERE case_id IN " + cases,
                "DELETE FROM referrals.plan_action WHERE outcome_id IN (SELECT id FROM referrals.plan_outcome WHERE case_id IN "
                        + cases + ")",
                "DELETE FROM referrals.plan_outcome WHERE case_id IN " + cases,
                "DELETE FROM referrals.assessment WHERE case_id IN " + cases,
                "DELETE FROM referrals.closure_outcome WHERE case_id IN " + cases,
                "DELETE FROM referrals.follow_up WHERE case_id IN " + cases,
                "DELETE FROM referrals.supervision WHERE case_id IN " + cases,
                "DELETE FROM referrals.case_member WHERE case_id IN " + cases,
                "DELETE FROM referrals.case_feedback WHERE case_id IN " + cases,
                "DELETE FROM referrals.case_file WHERE family_id = :f",
                "DELETE FROM referrals.consent WHERE family_id = :f",
                "DELETE FROM referrals.request_need WHERE request_id IN " + requests,
                "DELETE FROM referrals.request WHERE family_id = :f",
                "DELETE FROM referrals.person WHERE family_id = :f",
                "DELETE FROM referrals.retention_due WHERE family_id = :f",
                "DELETE FROM referrals.family_change WHERE proposed_family_id = :f OR family_id = :f",
                "DELETE FROM referrals.break_glass WHERE family_id = :f",
                "DELETE FROM referrals.family WHERE id = :f")) {
            jdbc.sql(sql).param("f", family).update();
        }
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
