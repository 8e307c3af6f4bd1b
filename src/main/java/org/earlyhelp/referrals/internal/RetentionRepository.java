package org.earlyhelp.referrals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.Retention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Retention's tables and the erasure of a whole family: which families are due (the youngest
 * child past the age kept to, or for a family known only from a safeguarding concern, its latest
 * request), what a family is known by elsewhere, and every row of the family's record.
 */
@Repository
public class RetentionRepository {

    /** What a family's record is known by elsewhere: its requests, cases and feedback, and its label and people's names. */
    public record Known(List<UUID> requests, List<UUID> cases, List<UUID> feedback, Set<String> texts) {}

    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the families newly due, with no open case, whose youngest child was born before the cut-off; how many. */
    public int markNewlyDue(Instant now, LocalDate cutoff) {
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
        return newly;
    }

    /** Forgets the families no longer due: a younger child, an open case or a new request. */
    public void forgetNoLongerDue(LocalDate cutoff) {
        // No longer due (a new request, or the rule changed): forget it.
        jdbc.sql("""
                        DELETE FROM referrals.retention_due d WHERE d.youngest_born >= ?
                          OR EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.family_id = d.family_id AND c.closed_at IS NULL)
                          OR (NOT EXISTS (SELECT 1 FROM referrals.person p WHERE p.family_id = d.family_id
                                          AND p.relationship = 'CHILD')
                              AND EXISTS (SELECT 1 FROM referrals.request r WHERE r.family_id = d.family_id
                                          AND r.submitted_at AT TIME ZONE 'Europe/London' >= ?))""").params(cutoff, cutoff.atStartOfDay()).update();
    }

    /** The families due, longest due first. */
    public List<Retention.Due> due() {
        return jdbc.sql(
                        "SELECT family_id, hub_id, youngest_born, first_due_at FROM referrals.retention_due ORDER BY first_due_at")
                .query((rs, n) -> new Retention.Due(
                        new FamilyId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class).getYear(),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    public Known known(FamilyId family) {
        List<UUID> requestIds = jdbc.sql("SELECT id FROM referrals.request WHERE family_id = ?")
                .param(family.value())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        List<UUID> caseIds = jdbc.sql("SELECT id FROM referrals.case_file WHERE family_id = ?")
                .param(family.value())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        List<UUID> feedback = jdbc.sql("SELECT feedback_id FROM referrals.case_feedback WHERE case_id = ANY (?)")
                .param(caseIds.toArray(UUID[]::new))
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
        Set<String> texts = new LinkedHashSet<>();
        jdbc.sql("SELECT label FROM referrals.family WHERE id = ?")
                .param(family.value())
                .query(String.class)
                .list()
                .forEach(texts::add);
        jdbc.sql("SELECT given_name || ' ' || family_name FROM referrals.person WHERE family_id = ?")
                .param(family.value())
                .query(String.class)
                .list()
                .forEach(texts::add);
        return new Known(requestIds, caseIds, feedback, texts);
    }

    /** Deletes every row of the family's record, its cases' and requests' rows first. */
    public void delete(FamilyId family) {
        String cases = "(SELECT id FROM referrals.case_file WHERE family_id = :f)";
        String requests = "(SELECT id FROM referrals.request WHERE family_id = :f)";
        for (String sql : List.of(
                "DELETE FROM referrals.concern_check WHERE request_id IN " + requests,
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
            jdbc.sql(sql).param("f", family.value()).update();
        }
    }
}
