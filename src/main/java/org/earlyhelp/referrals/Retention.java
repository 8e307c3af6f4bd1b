package org.earlyhelp.referrals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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
    private final int keepUntilAge;
    private final Duration grace;
    private final Clock clock;

    Retention(
            JdbcClient jdbc,
            CurrentUsers currentUsers,
            AuditTrail audit,
            ApplicationEventPublisher events,
            @Value("${earlyhelp.retention.keep-until-youngest-is:25}") int keepUntilAge,
            @Value("${earlyhelp.retention.grace:P30D}") Duration grace,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.events = events;
        this.keepUntilAge = keepUntilAge;
        this.grace = grace;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The daily run: report what is due, delete what has been due for the grace period. */
    @Scheduled(cron = "${earlyhelp.retention.cron:0 30 2 * * *}", zone = "Europe/London")
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
        LocalDate cutoff = LocalDate.now(clock.withZone(WorkingCalendar.LONDON)).minusYears(keepUntilAge);
        int newly = jdbc.sql("""
                        INSERT INTO referrals.retention_due (family_id, hub_id, youngest_born, first_due_at)
                        SELECT f.id, f.hub_id, max(p.date_of_birth), ? FROM referrals.family f
                        JOIN referrals.person p ON p.family_id = f.id AND p.relationship = 'CHILD'
                        WHERE NOT EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.family_id = f.id AND c.closed_at IS NULL)
                        GROUP BY f.id, f.hub_id HAVING max(p.date_of_birth) < ?
                        ON CONFLICT DO NOTHING""").params(Timestamp.from(now), cutoff).update();
        // No longer due (a new request, or the rule changed): forget it.
        jdbc.sql("""
                        DELETE FROM referrals.retention_due d WHERE d.youngest_born >= ?
                          OR EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.family_id = d.family_id AND c.closed_at IS NULL)""").param(cutoff).update();
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
                delete ? "retention-run" : "retention-dry-run",
                "retention",
                "families",
                null,
                null,
                newly + " newly due, " + due.size() + " due, " + deleted + " deleted");
        return new Report(newly, due.size(), deleted, due);
    }

    private void erase(UUID family) {
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
                "DELETE FROM referrals.case_member WHERE case_id IN " + cases,
                "DELETE FROM referrals.case_feedback WHERE case_id IN " + cases,
                "DELETE FROM referrals.case_file WHERE family_id = :f",
                "DELETE FROM referrals.consent WHERE family_id = :f",
                "DELETE FROM referrals.request_need WHERE request_id IN " + requests,
                "DELETE FROM referrals.request WHERE family_id = :f",
                "DELETE FROM referrals.person WHERE family_id = :f",
                "DELETE FROM referrals.retention_due WHERE family_id = :f",
                "DELETE FROM referrals.family WHERE id = :f")) {
            jdbc.sql(sql).param("f", family).update();
        }
        audit.record(
                "erase", "family", family.toString(), null, "retention: youngest child over " + keepUntilAge, null);
        events.publishEvent(new FamilyErased(family));
    }
}
