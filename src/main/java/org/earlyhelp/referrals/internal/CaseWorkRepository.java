package org.earlyhelp.referrals.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.referrals.ActionStatus;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.ContactKind;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The work recorded on a case: the assessment, the plan's outcomes and actions, reviews and contacts. */
@Repository
public class CaseWorkRepository {

    private final JdbcClient jdbc;

    CaseWorkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAssessment(CaseId caseId, CaseRecord.Assessment a) {
        jdbc.sql("""
                        INSERT INTO referrals.assessment (case_id, area, strengths, worries, child_says, child_not_seen_reason,
                          parents_say) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        caseId.value(),
                        a.area().name(),
                        a.strengths(),
                        a.worries(),
                        a.childSays(),
                        a.childNotSeenReason(),
                        a.parentsSay())
                .update();
    }

    public List<CaseRecord.Assessment> assessment(CaseId caseId) {
        return jdbc.sql("""
                        SELECT area, strengths, worries, child_says, child_not_seen_reason, parents_say
                        FROM referrals.assessment WHERE case_id = ? ORDER BY area""")
                .param(caseId.value())
                .query((rs, n) -> new CaseRecord.Assessment(
                        OutcomeArea.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** Adds or replaces the outcome for a need (keeping when it was first agreed); returns its id. */
    public UUID upsertOutcome(CaseId caseId, OutcomeArea area, String outcome, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO referrals.plan_outcome (id, case_id, area, outcome, position, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, (SELECT count(*) FROM referrals.plan_outcome WHERE case_id = ?), ?, ?)
                        ON CONFLICT (case_id, area) DO UPDATE SET outcome = excluded.outcome RETURNING id""")
                .params(UUID.randomUUID(), caseId.value(), area.name(), outcome, caseId.value(), Rows.ts(at), by)
                .query(UUID.class)
                .single();
    }

    public Optional<CaseId> caseOfOutcome(UUID outcome) {
        return jdbc.sql("SELECT case_id FROM referrals.plan_outcome WHERE id = ?")
                .param(outcome)
                .query(UUID.class)
                .optional()
                .map(CaseId::new);
    }

    public Optional<CaseId> caseOfAction(UUID action) {
        return jdbc.sql("""
                        SELECT o.case_id FROM referrals.plan_action a JOIN referrals.plan_outcome o ON o.id = a.outcome_id
                        WHERE a.id = ?""").param(action).query(UUID.class).optional().map(CaseId::new);
    }

    public void insertAction(UUID outcome, String action, String owner, LocalDate due, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO referrals.plan_action (id, outcome_id, action, owner, due_on, status, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, 'NOT_STARTED', ?, ?)""")
                .params(UUID.randomUUID(), outcome, action, owner, due, Rows.ts(at), by)
                .update();
    }

    public boolean setActionStatus(UUID action, int version, ActionStatus status, Instant at, String by) {
        return jdbc.sql("""
                                UPDATE referrals.plan_action SET status = ?, status_changed_at = ?, status_changed_by = ?,
                                  version = version + 1 WHERE id = ? AND version = ?""")
                        .params(status.name(), Rows.ts(at), by, action, version)
                        .update()
                == 1;
    }

    public List<CaseRecord.PlanOutcome> plan(CaseId caseId) {
        Map<UUID, List<CaseRecord.Action>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.outcome_id, a.id, a.action, a.owner, a.due_on, a.status, a.version
                        FROM referrals.plan_action a JOIN referrals.plan_outcome o ON o.id = a.outcome_id
                        WHERE o.case_id = ? ORDER BY a.due_on, a.action""")
                .param(caseId.value())
                .query((rs, n) -> actions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new CaseRecord.Action(
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, LocalDate.class),
                                ActionStatus.valueOf(rs.getString(6)),
                                rs.getInt(7))))
                .list();
        return jdbc.sql("""
                        SELECT o.id, o.area, o.outcome,
                          (SELECT s.score FROM referrals.review_score s JOIN referrals.review r ON r.id = s.review_id
                           WHERE s.outcome_id = o.id ORDER BY r.held_on DESC, r.id LIMIT 1)
                        FROM referrals.plan_outcome o WHERE o.case_id = ? ORDER BY o.position""")
                .param(caseId.value())
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    int score = rs.getInt(4);
                    return new CaseRecord.PlanOutcome(
                            id,
                            OutcomeArea.valueOf(rs.getString(2)),
                            rs.getString(3),
                            actions.getOrDefault(id, List.of()),
                            rs.wasNull() ? null : score);
                })
                .list();
    }

    public void insertReview(
            UUID id, CaseId caseId, LocalDate heldOn, String by, String notes, LocalDate next, Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO referrals.review (id, case_id, held_on, held_by, notes, next_due, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId.value(), heldOn, by, notes, next, Rows.ts(recordedAt))
                .update();
    }

    public void insertScore(UUID review, UUID outcome, int score) {
        jdbc.sql("INSERT INTO referrals.review_score (review_id, outcome_id, score) VALUES (?, ?, ?)")
                .params(review, outcome, score)
                .update();
    }

    public List<CaseRecord.Review> reviews(CaseId caseId) {
        Map<UUID, Map<UUID, Integer>> scores = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.review_id, s.outcome_id, s.score FROM referrals.review_score s
                        JOIN referrals.review r ON r.id = s.review_id WHERE r.case_id = ?""")
                .param(caseId.value())
                .query((rs, n) -> scores.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                        .put(rs.getObject(2, UUID.class), rs.getInt(3)))
                .list();
        return jdbc.sql("""
                        SELECT id, held_on, held_by, notes, next_due FROM referrals.review WHERE case_id = ?
                        ORDER BY held_on, id""")
                .param(caseId.value())
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new CaseRecord.Review(
                            id,
                            rs.getObject(2, LocalDate.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, LocalDate.class),
                            scores.getOrDefault(id, Map.of()));
                })
                .list();
    }

    public void insertContact(
            UUID id,
            CaseId caseId,
            LocalDate on,
            ContactKind kind,
            int minutes,
            boolean childSeen,
            @Nullable String views,
            String note,
            String by,
            String byName,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO referrals.contact (id, case_id, happened_on, kind, minutes, child_seen, child_views, note,
                          logged_by, logged_name, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId.value(), on, kind.name(), minutes, childSeen, views, note, by, byName, Rows.ts(at))
                .update();
    }

    public List<CaseRecord.Contact> contacts(CaseId caseId, int limit) {
        return jdbc.sql("""
                        SELECT id, happened_on, kind, minutes, child_seen, child_views, note, logged_name
                        FROM referrals.contact WHERE case_id = ? ORDER BY happened_on DESC, logged_at DESC LIMIT ?""")
                .params(caseId.value(), limit)
                .query((rs, n) -> new CaseRecord.Contact(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        ContactKind.valueOf(rs.getString(3)),
                        rs.getInt(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }
}
