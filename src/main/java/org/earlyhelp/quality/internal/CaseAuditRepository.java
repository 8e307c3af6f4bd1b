package org.earlyhelp.quality.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.quality.AuditStage;
import org.earlyhelp.quality.CaseAudit;
import org.earlyhelp.quality.CaseAudit.Action;
import org.earlyhelp.quality.CaseAudit.DomainGrade;
import org.earlyhelp.quality.Grade;
import org.earlyhelp.quality.SampleDraw;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case file audits: the monthly samples, the audits, their grades and their actions. */
@Repository
public class CaseAuditRepository {

    private static final String AUDIT_COLUMNS = """
            id, hub_id, month, case_id, framework_version, lead, lead_name, auditor, auditor_name,
            auditor_organisation, moderator, moderator_name, stage, due_on, read_until, reflection,
            moderation_note, version""";

    private final JdbcClient jdbc;

    CaseAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a hub's sample for the month; false when someone drew it first. */
    public boolean insertSample(
            HubId hub, YearMonth month, int size, int eligible, int passedOver, String by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO quality.sample (hub_id, month, size, eligible, passed_over, drawn_by, drawn_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(hub.value(), day(month), size, eligible, passedOver, by, Timestamp.from(at))
                        .update()
                == 1;
    }

    public boolean sampleDrawn(HubId hub, YearMonth month) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM quality.sample WHERE hub_id = ? AND month = ?)")
                .params(hub.value(), day(month))
                .query(Boolean.class)
                .single();
    }

    public void insertAudit(
            UUID id,
            HubId hub,
            YearMonth month,
            int frameworkVersion,
            SampleDraw.Drawn drawn,
            LocalDate dueOn,
            Instant readUntil) {
        jdbc.sql("""
                        INSERT INTO quality.case_audit (id, hub_id, month, case_id, framework_version, lead, lead_name,
                          auditor, auditor_name, auditor_organisation, moderator, moderator_name, stage, due_on,
                          read_until)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AUDIT', ?, ?)""")
                .params(
                        id,
                        hub.value(),
                        day(month),
                        drawn.candidate().caseId().value(),
                        frameworkVersion,
                        drawn.candidate().lead(),
                        drawn.candidate().leadName(),
                        drawn.auditor().username(),
                        drawn.auditor().name(),
                        drawn.auditor().organisationName(),
                        drawn.moderator().username(),
                        drawn.moderator().name(),
                        Date.valueOf(dueOn),
                        Timestamp.from(readUntil))
                .update();
    }

    /** How many audits each person has this month, as auditor or moderator. */
    public Map<String, Integer> load(YearMonth month) {
        return jdbc
                .sql("""
                        SELECT person, count(*) FROM (
                          SELECT auditor AS person FROM quality.case_audit WHERE month = :m
                          UNION ALL SELECT moderator FROM quality.case_audit WHERE month = :m) p
                        GROUP BY person""")
                .param("m", day(month))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<CaseAudit> find(UUID id) {
        return jdbc.sql("SELECT " + AUDIT_COLUMNS + " FROM quality.case_audit WHERE id = ?")
                .param(id)
                .query((rs, n) -> audit(rs, grades(id), actions(id)))
                .optional();
    }

    /** The ids of a case's audits, the oldest month first. */
    public List<UUID> idsOfCase(UUID caseId) {
        return jdbc.sql("SELECT id FROM quality.case_audit WHERE case_id = ? ORDER BY month, id")
                .param(caseId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** A month's audits, without their grades' evidence or actions: for lists. */
    public List<CaseAudit> ofMonth(YearMonth month) {
        return jdbc.sql("SELECT " + AUDIT_COLUMNS + " FROM quality.case_audit WHERE month = ? ORDER BY hub_id, case_id")
                .param(day(month))
                .query((rs, n) -> audit(rs, List.of(), List.of()))
                .list();
    }

    /** Audits at a stage that waits for this person (as auditor, lead or moderator). */
    public List<CaseAudit> waitingFor(String username) {
        return jdbc.sql("SELECT " + AUDIT_COLUMNS + """
                         FROM quality.case_audit
                        WHERE (auditor = :u AND stage = 'AUDIT') OR (lead = :u AND stage = 'REFLECTION')
                           OR (moderator = :u AND stage = 'MODERATION')
                        ORDER BY due_on, id""")
                .param("u", username)
                .query((rs, n) -> audit(rs, List.of(), List.of()))
                .list();
    }

    /** Open actions this person owns, with their audit's id, the soonest due first. */
    public List<Map.Entry<UUID, Action>> openActionsOf(String username) {
        return jdbc.sql("""
                        SELECT audit_id, id, action, owner, owner_name, due_on, done_at, version
                        FROM quality.audit_action WHERE owner = ? AND done_at IS NULL ORDER BY due_on, id""")
                .param(username)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), action(rs, 1)))
                .list();
    }

    /** Until when this person may read this case for an audit, if they are auditing it now. */
    public Optional<Instant> readUntil(UUID caseId, String username) {
        return jdbc.sql("""
                        SELECT max(read_until) FROM quality.case_audit
                        WHERE case_id = ? AND auditor = ? AND stage = 'AUDIT' AND read_until IS NOT NULL""")
                .params(caseId, username)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** The audit's id and hub for one of its actions. */
    public Optional<UUID> auditOfAction(UUID action) {
        return jdbc.sql("SELECT audit_id FROM quality.audit_action WHERE id = ?")
                .param(action)
                .query(UUID.class)
                .optional();
    }

    /** Moves the audit on, if nobody changed it since {@code version}; false otherwise. */
    public boolean advance(UUID id, int version, AuditStage from, AuditStage to, LocalDate dueOn) {
        return jdbc.sql("""
                        UPDATE quality.case_audit SET stage = ?, due_on = ?, version = version + 1
                        WHERE id = ? AND version = ? AND stage = ?""")
                        .params(to.name(), Date.valueOf(dueOn), id, version, from.name())
                        .update()
                == 1;
    }

    /** The auditor's grades and actions; the read of the case ends. */
    public void graded(UUID id, List<DomainGrade> grades, List<Action> actions, Instant at) {
        jdbc.sql("UPDATE quality.case_audit SET graded_at = ?, read_until = NULL WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
        for (int i = 0; i < grades.size(); i++) {
            DomainGrade g = grades.get(i);
            jdbc.sql("""
                            INSERT INTO quality.audit_grade (audit_id, position, domain, grade, evidence)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(id, i, g.domain(), g.grade().name(), g.evidence())
                    .update();
        }
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            jdbc.sql("""
                            INSERT INTO quality.audit_action (id, audit_id, position, action, owner, owner_name, due_on)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.id(), id, i, a.action(), a.owner(), a.ownerName(), Date.valueOf(a.dueOn()))
                    .update();
        }
    }

    public void reflected(UUID id, String reflection, Instant at) {
        jdbc.sql("UPDATE quality.case_audit SET reflection = ?, reflected_at = ? WHERE id = ?")
                .params(reflection, Timestamp.from(at), id)
                .update();
    }

    /** The moderator's grade per domain position (null: agreed) with the reason. */
    public void moderated(UUID id, List<DomainGrade> grades, @Nullable String note, Instant at) {
        for (int i = 0; i < grades.size(); i++) {
            DomainGrade g = grades.get(i);
            Grade moderated = g.moderated();
            Object[] values = {moderated == null ? null : moderated.name(), g.reason(), id, i};
            jdbc.sql("""
                            UPDATE quality.audit_grade SET moderated_grade = ?, moderation_reason = ?
                            WHERE audit_id = ? AND position = ?""").params(values).update();
        }
        Object[] values = {note, Timestamp.from(at), id};
        jdbc.sql("UPDATE quality.case_audit SET moderation_note = ?, moderated_at = ? WHERE id = ?")
                .params(values)
                .update();
    }

    /** Marks the action done, if nobody changed it since {@code version}; false otherwise. */
    public boolean actionDone(UUID action, int version, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE quality.audit_action SET done_at = ?, done_by = ?, version = version + 1
                        WHERE id = ? AND version = ? AND done_at IS NULL""").params(Timestamp.from(at), by, action, version).update() == 1;
    }

    /** Moves an audit's due date (demonstration data: an audit already late). */
    void backdate(UUID id, LocalDate dueOn) {
        jdbc.sql("UPDATE quality.case_audit SET due_on = ? WHERE id = ?")
                .params(Date.valueOf(dueOn), id)
                .update();
    }

    /** Erases the audits of these cases, with their grades, evidence and actions. */
    public int eraseCases(Collection<UUID> cases) {
        return jdbc.sql("DELETE FROM quality.case_audit WHERE case_id = ANY (?)")
                .param(cases.toArray(UUID[]::new))
                .update();
    }

    private List<DomainGrade> grades(UUID id) {
        return jdbc.sql("""
                        SELECT domain, grade, evidence, moderated_grade, moderation_reason
                        FROM quality.audit_grade WHERE audit_id = ? ORDER BY position""")
                .param(id)
                .query((rs, n) -> new DomainGrade(
                        rs.getString(1),
                        Grade.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Optional.ofNullable(rs.getString(4)).map(Grade::valueOf).orElse(null),
                        rs.getString(5)))
                .list();
    }

    private List<Action> actions(UUID id) {
        return jdbc.sql("""
                        SELECT id, action, owner, owner_name, due_on, done_at, version
                        FROM quality.audit_action WHERE audit_id = ? ORDER BY position""").param(id).query((rs, n) -> action(rs, 0)).list();
    }

    private static Action action(ResultSet rs, int offset) throws SQLException {
        Timestamp done = rs.getTimestamp(offset + 6);
        return new Action(
                rs.getObject(offset + 1, UUID.class),
                rs.getString(offset + 2),
                rs.getString(offset + 3),
                rs.getString(offset + 4),
                rs.getDate(offset + 5).toLocalDate(),
                done == null ? null : done.toInstant(),
                rs.getInt(offset + 7));
    }

    private static CaseAudit audit(ResultSet rs, List<DomainGrade> grades, List<Action> actions) throws SQLException {
        Timestamp readUntil = rs.getTimestamp(15);
        return new CaseAudit(
                rs.getObject(1, UUID.class),
                new HubId(rs.getString(2)),
                YearMonth.from(rs.getDate(3).toLocalDate()),
                rs.getObject(4, UUID.class),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                AuditStage.valueOf(rs.getString(13)),
                rs.getDate(14).toLocalDate(),
                readUntil == null ? null : readUntil.toInstant(),
                grades,
                actions,
                rs.getString(16),
                rs.getString(17),
                rs.getInt(18));
    }

    private static Date day(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }
}
