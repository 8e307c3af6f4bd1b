package org.earlyhelp.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.NeedResult;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case files: allocation, the team, the dates that drive the work, closure and the checks after it. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static final String CASE_SELECT = """
            SELECT c.id, c.request_id, c.family_id, f.label, c.hub_id, c.lead, c.lead_name, c.allocated_at,
                   c.assessment_due, c.assessed_at, c.next_review_due, c.closed_at, c.close_reason, f.restricted,
                   c.version
            FROM referrals.case_file c JOIN referrals.family f ON f.id = c.family_id""";

    public void insertCase(
            CaseId id,
            RequestId request,
            FamilyId family,
            HubId hub,
            String lead,
            String leadName,
            @Nullable String leadOrg,
            Instant at,
            String by,
            LocalDate assessmentDue) {
        jdbc.sql("""
                        INSERT INTO referrals.case_file (id, request_id, family_id, hub_id, lead, lead_name, lead_org,
                          allocated_at, allocated_by, assessment_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id.value(),
                        request.value(),
                        family.value(),
                        hub.value(),
                        lead,
                        leadName,
                        leadOrg,
                        Rows.ts(at),
                        by,
                        assessmentDue)
                .update();
    }

    public void insertCaseMember(CaseId caseId, String username, String name, @Nullable String organisation) {
        jdbc.sql("""
                        INSERT INTO referrals.case_member (case_id, username, display_name, organisation) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(caseId.value(), username, name, organisation).update();
    }

    public List<CaseRecord.TeamMember> team(CaseId caseId) {
        return jdbc.sql("""
                        SELECT username, display_name, organisation FROM referrals.case_member WHERE case_id = ?
                        ORDER BY display_name""")
                .param(caseId.value())
                .query((rs, n) -> new CaseRecord.TeamMember(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public Optional<CaseRow> caseRow(CaseId id) {
        return jdbc.sql(CASE_SELECT + " WHERE c.id = ?")
                .param(id.value())
                .query(CaseRepository::caseRow)
                .optional();
    }

    public List<CaseRow> casesOfFamily(FamilyId family) {
        return jdbc.sql(CASE_SELECT + " WHERE c.family_id = ? ORDER BY c.allocated_at")
                .param(family.value())
                .query(CaseRepository::caseRow)
                .list();
    }

    /** Open cases someone leads or is in the team of. */
    public List<CaseRow> openCasesOf(String username) {
        return jdbc.sql(CASE_SELECT + "\n" + """
                         WHERE c.closed_at IS NULL AND (c.lead = ?
                           OR EXISTS (SELECT 1 FROM referrals.case_member m WHERE m.case_id = c.id AND m.username = ?))
                         ORDER BY c.allocated_at""")
                .params(username, username)
                .query(CaseRepository::caseRow)
                .list();
    }

    /** A check after closing not yet done. */
    public record FollowUpRow(CaseId caseId, String familyLabel, int months, LocalDate due) {}

    /** How far ahead the hub lead sees checks after closing that fall due. */
    public static final Period FOLLOW_UP_NOTICE = Period.ofWeeks(2);

    /** A hub's checks after closing not yet done, due on or before a day (the case's or the family's hub). */
    private static final String FOLLOW_UPS_DUE = """

            FROM referrals.follow_up u
            JOIN referrals.case_file c ON c.id = u.case_id JOIN referrals.family f ON f.id = c.family_id
            WHERE (f.hub_id = ? OR c.hub_id = ?) AND u.done_at IS NULL AND u.due_on <= ?""";

    /** How many of a hub's checks after closing are not yet done: overdue, or due within the notice. */
    public long countFollowUpsDue(HubId hub, LocalDate today) {
        return jdbc.sql("SELECT count(*)" + FOLLOW_UPS_DUE)
                .params(hub.value(), hub.value(), today.plus(FOLLOW_UP_NOTICE))
                .query(Long.class)
                .single();
    }

    /** The first of a hub's checks after closing not yet done (overdue, or due within the notice), soonest first. */
    public List<FollowUpRow> followUpsDue(HubId hub, LocalDate today, int limit) {
        return jdbc.sql("SELECT c.id, f.label, u.months, u.due_on" + FOLLOW_UPS_DUE
                        + " ORDER BY u.due_on, c.id LIMIT ?")
                .params(hub.value(), hub.value(), today.plus(FOLLOW_UP_NOTICE), limit)
                .query((rs, n) -> new FollowUpRow(
                        new CaseId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** Open cases each person leads in a hub. */
    public Map<String, Integer> caseloads(HubId hub) {
        Map<String, Integer> loads = new LinkedHashMap<>();
        jdbc.sql("SELECT lead, count(*) FROM referrals.case_file WHERE hub_id = ? AND closed_at IS NULL GROUP BY lead")
                .param(hub.value())
                .query((rs, n) -> loads.put(rs.getString(1), rs.getInt(2)))
                .list();
        return loads;
    }

    /** Bumps a case's version: false if someone else changed it since it was read. */
    public boolean touchCase(CaseId id, int version) {
        return jdbc.sql("UPDATE referrals.case_file SET version = version + 1 WHERE id = ? AND version = ?")
                        .params(id.value(), version)
                        .update()
                == 1;
    }

    /**
     * Writes what a step changed on the case, if nobody changed the case since {@code version}:
     * false if someone did, and then nothing is written.
     */
    public boolean save(CaseProgress p, int version) {
        return jdbc.sql("""
                                UPDATE referrals.case_file
                                SET assessed_at = ?, next_review_due = ?, closed_at = ?, close_reason = ?,
                                    close_note = ?, stepped_up_at = ?, version = version + 1
                                WHERE id = ? AND version = ?""")
                        .params(
                                Rows.nullableTs(p.assessedAt()),
                                p.nextReviewDue(),
                                Rows.nullableTs(p.closedAt()),
                                p.closeReason() == null ? null : p.closeReason().name(),
                                p.closeNote(),
                                Rows.nullableTs(p.steppedUpAt()),
                                p.id().value(),
                                version)
                        .update()
                == 1;
    }

    public void setAssessed(CaseId id, Instant at, LocalDate firstReview) {
        jdbc.sql("UPDATE referrals.case_file SET assessed_at = ?, next_review_due = ? WHERE id = ?")
                .params(Rows.ts(at), firstReview, id.value())
                .update();
    }

    public void setNextReview(CaseId id, LocalDate due) {
        jdbc.sql("UPDATE referrals.case_file SET next_review_due = ? WHERE id = ?")
                .params(due, id.value())
                .update();
    }

    public void close(CaseId id, Instant at, ClosureReason reason, @Nullable String note) {
        jdbc.sql("""
                        UPDATE referrals.case_file SET closed_at = ?, close_reason = ?, close_note = ?, next_review_due = NULL
                        WHERE id = ?""").params(Rows.ts(at), reason.name(), note, id.value()).update();
    }

    public void setSteppedUp(CaseId id, Instant at) {
        jdbc.sql("UPDATE referrals.case_file SET stepped_up_at = ? WHERE id = ?")
                .params(Rows.ts(at), id.value())
                .update();
    }

    public void insertClosureOutcome(CaseId caseId, OutcomeArea area, NeedResult result) {
        jdbc.sql("INSERT INTO referrals.closure_outcome (case_id, area, result) VALUES (?, ?, ?)")
                .params(caseId.value(), area.name(), result.name())
                .update();
    }

    public Map<OutcomeArea, NeedResult> closure(CaseId caseId) {
        Map<OutcomeArea, NeedResult> results = new EnumMap<>(OutcomeArea.class);
        jdbc.sql("SELECT area, result FROM referrals.closure_outcome WHERE case_id = ?")
                .param(caseId.value())
                .query((rs, n) ->
                        results.put(OutcomeArea.valueOf(rs.getString(1)), NeedResult.valueOf(rs.getString(2))))
                .list();
        return results;
    }

    public void insertFollowUp(CaseId caseId, int months, LocalDate due) {
        jdbc.sql("INSERT INTO referrals.follow_up (case_id, months, due_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(caseId.value(), months, due)
                .update();
    }

    public List<CaseRecord.FollowUp> followUps(CaseId caseId) {
        return jdbc.sql(
                        "SELECT months, due_on, done_at, note FROM referrals.follow_up WHERE case_id = ? ORDER BY months")
                .param(caseId.value())
                .query((rs, n) -> new CaseRecord.FollowUp(
                        rs.getInt(1), rs.getObject(2, LocalDate.class), Rows.instant(rs, 3), rs.getString(4)))
                .list();
    }

    public boolean completeFollowUp(CaseId caseId, int months, String by, String note, Instant at) {
        return jdbc.sql("""
                                UPDATE referrals.follow_up SET done_at = ?, done_by = ?, note = ?
                                WHERE case_id = ? AND months = ? AND done_at IS NULL""")
                        .params(Rows.ts(at), by, note, caseId.value(), months)
                        .update()
                == 1;
    }

    static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString(13);
        return new CaseRow(
                new CaseId(rs.getObject(1, UUID.class)),
                new RequestId(rs.getObject(2, UUID.class)),
                new FamilyId(rs.getObject(3, UUID.class)),
                rs.getString(4),
                new HubId(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getObject(9, LocalDate.class),
                Rows.instant(rs, 10),
                rs.getObject(11, LocalDate.class),
                Rows.instant(rs, 12),
                reason == null ? null : ClosureReason.valueOf(reason),
                rs.getBoolean(14),
                rs.getInt(15));
    }
}
