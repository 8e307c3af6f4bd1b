package org.earlyhelp.referrals.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earlyhelp.referrals.ActionStatus;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.ContactKind;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyRecord;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.NeedResult;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestStatus;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journey's tables in the {@code referrals} schema. */
@Repository
public class JourneyRepository {

    /** A family as stored, for access checks and headers. */
    public record FamilyRow(
            UUID id,
            String label,
            String address,
            String postcode,
            @Nullable String areaCode,
            HubId hub,
            boolean restricted,
            Instant createdAt,
            int version) {}

    /** A case as stored, for access checks. */
    public record CaseRow(
            UUID id,
            UUID request,
            UUID family,
            String familyLabel,
            HubId hub,
            String lead,
            String leadName,
            Instant allocatedAt,
            LocalDate assessmentDue,
            @Nullable Instant assessedAt,
            @Nullable LocalDate nextReviewDue,
            @Nullable Instant closedAt,
            @Nullable ClosureReason closeReason,
            boolean restricted,
            int version) {}

    private static final String REQUEST_SELECT = """
            SELECT r.id, r.family_id, f.label, r.hub_id, r.referrer_name, r.referrer_org, r.submitted_at,
                   r.decision_due, r.status, r.level, r.outcome, r.reasons, r.decided_at,
                   (SELECT c.lead_name FROM referrals.case_file c WHERE c.request_id = r.id) AS lead_name,
                   (SELECT array_agg(n.area ORDER BY n.area) FROM referrals.request_need n WHERE n.request_id = r.id) AS needs,
                   r.re_referral, r.step_down, f.restricted, r.version,
                   (SELECT c.close_reason FROM referrals.case_file c WHERE c.request_id = r.id AND c.closed_at IS NOT NULL)
                       AS closed_as
            FROM referrals.request r JOIN referrals.family f ON f.id = r.family_id""";

    static final String CASE_SELECT = """
            SELECT c.id, c.request_id, c.family_id, f.label, c.hub_id, c.lead, c.lead_name, c.allocated_at,
                   c.assessment_due, c.assessed_at, c.next_review_due, c.closed_at, c.close_reason, f.restricted,
                   c.version
            FROM referrals.case_file c JOIN referrals.family f ON f.id = c.family_id""";

    private final JdbcClient jdbc;

    JourneyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- families --------------------------------------------------------------------------

    public void insertFamily(FamilyRow f) {
        jdbc.sql("""
                        INSERT INTO referrals.family (id, label, address, postcode, area_code, hub_id, restricted, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        f.id(),
                        f.label(),
                        f.address(),
                        f.postcode(),
                        f.areaCode(),
                        f.hub().value(),
                        f.restricted(),
                        ts(f.createdAt()))
                .update();
    }

    public Optional<FamilyRow> family(UUID id) {
        return jdbc.sql("""
                        SELECT id, label, address, postcode, area_code, hub_id, restricted, created_at, version
                        FROM referrals.family WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new FamilyRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        new HubId(rs.getString(6)),
                        rs.getBoolean(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getInt(9)))
                .optional();
    }

    public boolean restrictFamily(UUID id, int version) {
        return jdbc.sql(
                                "UPDATE referrals.family SET restricted = true, version = version + 1 WHERE id = ? AND version = ?")
                        .params(id, version)
                        .update()
                == 1;
    }

    public void insertPerson(UUID family, FamilyRecord.Member m, int position) {
        jdbc.sql("""
                        INSERT INTO referrals.person (id, family_id, given_name, family_name, date_of_birth, relationship,
                          sex, ethnicity, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        m.id(),
                        family,
                        m.givenName(),
                        m.familyName(),
                        m.dateOfBirth(),
                        m.relationship().name(),
                        m.sex(),
                        m.ethnicity(),
                        position)
                .update();
    }

    public List<FamilyRecord.Member> members(UUID family) {
        return jdbc.sql("""
                        SELECT id, given_name, family_name, date_of_birth, relationship, sex, ethnicity
                        FROM referrals.person WHERE family_id = ? ORDER BY position""")
                .param(family)
                .query((rs, n) -> new FamilyRecord.Member(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        Relationship.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    public int nextPosition(UUID family) {
        return jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM referrals.person WHERE family_id = ?")
                .param(family)
                .query(Integer.class)
                .single();
    }

    /**
     * A known person matching on family name and date of birth, or on family name at the same
     * postcode; with what the duplicate check may show and whether the family's record is
     * restricted or has an open case.
     */
    public record PersonMatch(
            UUID family,
            String label,
            String hubId,
            String givenName,
            String familyName,
            LocalDate born,
            boolean restricted,
            boolean openCase) {}

    public List<PersonMatch> matches(List<String> familyNames, List<LocalDate> births, String postcode) {
        if (familyNames.isEmpty()) {
            return List.of();
        }
        String[] names =
                familyNames.stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        Date[] dates = births.stream().map(Date::valueOf).toArray(Date[]::new);
        return jdbc.sql("""
                        SELECT f.id, f.label, f.hub_id, p.given_name, p.family_name, p.date_of_birth, f.restricted,
                               EXISTS (SELECT 1 FROM referrals.case_file c WHERE c.family_id = f.id AND c.closed_at IS NULL)
                        FROM referrals.person p JOIN referrals.family f ON f.id = p.family_id
                        WHERE lower(p.family_name) = ANY (?)
                          AND (p.date_of_birth = ANY (?) OR f.postcode = ?)
                        ORDER BY f.created_at DESC, p.position LIMIT 50""")
                .params(names, dates, postcode)
                .query((rs, n) -> new PersonMatch(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getBoolean(7),
                        rs.getBoolean(8)))
                .list();
    }

    /** When the family's early help last closed, if it did. */
    public Optional<Instant> lastClosure(UUID family) {
        return jdbc.sql("SELECT max(closed_at) FROM referrals.case_file WHERE family_id = ?")
                .param(family)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    // ---- break-glass reads -------------------------------------------------------------------

    public void insertBreakGlass(UUID family, HubId hub, CurrentUser user, String reason, Instant at) {
        jdbc.sql("""
                        INSERT INTO referrals.break_glass (id, family_id, hub_id, actor, actor_name, actor_roles, reason, read_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        family,
                        hub.value(),
                        user.username(),
                        user.displayName(),
                        user.roles().stream().map(Role::externalName).sorted().collect(Collectors.joining(",")),
                        reason,
                        ts(at))
                .update();
    }

    public List<FamilyRecord.BreakGlassRead> breakGlassReads(UUID family) {
        return jdbc.sql("""
                        SELECT read_at, actor_name || ' (' || actor || ')', actor_roles, reason FROM referrals.break_glass
                        WHERE family_id = ? ORDER BY read_at DESC LIMIT 100""")
                .param(family)
                .query((rs, n) -> new FamilyRecord.BreakGlassRead(
                        rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    // ---- consent -----------------------------------------------------------------------------

    public void insertConsent(
            UUID family,
            @Nullable UUID request,
            String givenBy,
            LocalDate givenOn,
            ConsentMethod method,
            String shareWith,
            String recordedBy,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO referrals.consent (id, family_id, request_id, given_by, given_on, how, share_with,
                          recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        family,
                        request,
                        givenBy,
                        givenOn,
                        method.name(),
                        shareWith,
                        recordedBy,
                        ts(at))
                .update();
    }

    public List<FamilyRecord.Consent> consents(UUID family) {
        return jdbc.sql("""
                        SELECT id, given_by, given_on, how, share_with, withdrawn_at, withdrawn_reason
                        FROM referrals.consent WHERE family_id = ? ORDER BY recorded_at""")
                .param(family)
                .query((rs, n) -> new FamilyRecord.Consent(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        ConsentMethod.valueOf(rs.getString(4)),
                        rs.getString(5),
                        instant(rs, 6),
                        rs.getString(7)))
                .list();
    }

    public int withdrawConsents(UUID family, String by, String reason, Instant at) {
        return jdbc.sql("""
                        UPDATE referrals.consent SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
                        WHERE family_id = ? AND withdrawn_at IS NULL""").params(ts(at), by, reason, family).update();
    }

    // ---- requests ----------------------------------------------------------------------------

    public record NewRequest(
            UUID id,
            UUID family,
            HubId hub,
            @Nullable String hubReason,
            String referrer,
            String referrerName,
            @Nullable String referrerOrg,
            String source,
            Instant submittedAt,
            Instant decisionDue,
            String tried,
            String involved,
            boolean reReferral,
            boolean stepDown,
            boolean safeguarding,
            RequestStatus status) {}

    public void insertRequest(NewRequest r) {
        jdbc.sql("""
                        INSERT INTO referrals.request (id, family_id, hub_id, hub_reason, referrer, referrer_name, referrer_org,
                          source, submitted_at, decision_due, tried, involved, re_referral, step_down, safeguarding, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        r.id(),
                        r.family(),
                        r.hub().value(),
                        r.hubReason(),
                        r.referrer(),
                        r.referrerName(),
                        r.referrerOrg(),
                        r.source(),
                        ts(r.submittedAt()),
                        ts(r.decisionDue()),
                        r.tried(),
                        r.involved(),
                        r.reReferral(),
                        r.stepDown(),
                        r.safeguarding(),
                        r.status().name())
                .update();
    }

    public void insertNeed(UUID request, OutcomeArea area, String description) {
        jdbc.sql("INSERT INTO referrals.request_need (request_id, area, description) VALUES (?, ?, ?)")
                .params(request, area.name(), description)
                .update();
    }

    public Map<OutcomeArea, String> needs(UUID request) {
        Map<OutcomeArea, String> needs = new EnumMap<>(OutcomeArea.class);
        jdbc.sql("SELECT area, description FROM referrals.request_need WHERE request_id = ?")
                .param(request)
                .query((rs, n) -> needs.put(OutcomeArea.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
        return needs;
    }

    public Optional<RequestSummary> request(UUID id) {
        return jdbc.sql(REQUEST_SELECT + " WHERE r.id = ?")
                .param(id)
                .query(this::requestSummary)
                .optional();
    }

    public String[] triedAndInvolved(UUID request) {
        return jdbc.sql("SELECT tried, involved FROM referrals.request WHERE id = ?")
                .param(request)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }

    /** Who made a request, for the referrer's own check. */
    public Optional<String> referrerOf(UUID request) {
        return jdbc.sql("SELECT referrer FROM referrals.request WHERE id = ?")
                .param(request)
                .query(String.class)
                .optional();
    }

    public List<RequestSummary> requestsOf(String referrer, int offset, int limit) {
        return jdbc.sql(REQUEST_SELECT + " WHERE r.referrer = ? ORDER BY r.submitted_at DESC OFFSET ? LIMIT ?")
                .params(referrer, offset, limit)
                .query(this::requestSummary)
                .list();
    }

    public int countRequestsOf(String referrer) {
        return jdbc.sql("SELECT count(*) FROM referrals.request WHERE referrer = ?")
                .param(referrer)
                .query(Integer.class)
                .single();
    }

    public List<RequestSummary> requestsOfFamily(UUID family) {
        return jdbc.sql(REQUEST_SELECT + " WHERE r.family_id = ? ORDER BY r.submitted_at")
                .param(family)
                .query(this::requestSummary)
                .list();
    }

    public List<RequestSummary> inStatus(HubId hub, RequestStatus status, int limit) {
        String order = status == RequestStatus.AWAITING_DECISION ? "r.decision_due" : "r.decided_at";
        return jdbc.sql(REQUEST_SELECT + " WHERE r.hub_id = ? AND r.status = ? ORDER BY " + order + " LIMIT ?")
                .params(hub.value(), status.name(), limit)
                .query(this::requestSummary)
                .list();
    }

    public boolean decide(
            UUID id,
            int version,
            RequestStatus status,
            NeedLevel level,
            DecisionOutcome outcome,
            String reasons,
            String by,
            Instant at) {
        return jdbc.sql("""
                                UPDATE referrals.request SET status = ?, level = ?, outcome = ?, reasons = ?, decided_by = ?,
                                  decided_at = ?, version = version + 1
                                WHERE id = ? AND version = ? AND status = 'AWAITING_DECISION'""")
                        .params(status.name(), level.number(), outcome.name(), reasons, by, ts(at), id, version)
                        .update()
                == 1;
    }

    public boolean setRequestStatus(UUID id, int version, RequestStatus from, RequestStatus to) {
        return jdbc.sql("""
                                UPDATE referrals.request SET status = ?, version = version + 1
                                WHERE id = ? AND version = ? AND status = ?""").params(to.name(), id, version, from.name()).update() == 1;
    }

    private RequestSummary requestSummary(ResultSet rs, int n) throws SQLException {
        Array needs = rs.getArray(15);
        List<OutcomeArea> areas = needs == null
                ? List.of()
                : Arrays.stream((String[]) needs.getArray())
                        .map(OutcomeArea::valueOf)
                        .toList();
        int level = rs.getInt(10);
        boolean hasLevel = !rs.wasNull();
        String outcome = rs.getString(11);
        String hub = rs.getString(4);
        return new RequestSummary(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                new HubId(hub),
                hub,
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(),
                RequestStatus.valueOf(rs.getString(9)),
                hasLevel ? NeedLevel.values()[level - 1] : null,
                outcome == null ? null : DecisionOutcome.valueOf(outcome),
                rs.getString(12),
                instant(rs, 13),
                rs.getString(14),
                areas,
                rs.getBoolean(16),
                rs.getBoolean(17),
                rs.getBoolean(18),
                rs.getInt(19),
                rs.getString(20) == null ? null : ClosureReason.valueOf(rs.getString(20)));
    }

    // ---- cases -------------------------------------------------------------------------------

    public void insertCase(
            UUID id,
            UUID request,
            UUID family,
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
                .params(id, request, family, hub.value(), lead, leadName, leadOrg, ts(at), by, assessmentDue)
                .update();
    }

    public void insertCaseMember(UUID caseId, String username, String name, @Nullable String organisation) {
        jdbc.sql("""
                        INSERT INTO referrals.case_member (case_id, username, display_name, organisation) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(caseId, username, name, organisation).update();
    }

    public List<CaseRecord.TeamMember> team(UUID caseId) {
        return jdbc.sql("""
                        SELECT username, display_name, organisation FROM referrals.case_member WHERE case_id = ?
                        ORDER BY display_name""")
                .param(caseId)
                .query((rs, n) -> new CaseRecord.TeamMember(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public Optional<CaseRow> caseRow(UUID id) {
        return jdbc.sql(CASE_SELECT + " WHERE c.id = ?")
                .param(id)
                .query(JourneyRepository::caseRow)
                .optional();
    }

    public List<CaseRow> casesOfFamily(UUID family) {
        return jdbc.sql(CASE_SELECT + " WHERE c.family_id = ? ORDER BY c.allocated_at")
                .param(family)
                .query(JourneyRepository::caseRow)
                .list();
    }

    /** Open cases someone leads or is in the team of. */
    public List<CaseRow> openCasesOf(String username) {
        return jdbc.sql(CASE_SELECT + "\n" + """
                         WHERE c.closed_at IS NULL AND (c.lead = ?
                           OR EXISTS (SELECT 1 FROM referrals.case_member m WHERE m.case_id = c.id AND m.username = ?))
                         ORDER BY c.allocated_at""")
                .params(username, username)
                .query(JourneyRepository::caseRow)
                .list();
    }

    /** A check after closing not yet done. */
    public record FollowUpRow(UUID caseId, String familyLabel, int months, LocalDate due) {}

    /** A hub's checks after closing not yet done, due on or before a day (the case's or the family's hub). */
    public List<FollowUpRow> followUpsDue(HubId hub, LocalDate by) {
        return jdbc.sql("""
                        SELECT c.id, f.label, u.months, u.due_on FROM referrals.follow_up u
                        JOIN referrals.case_file c ON c.id = u.case_id JOIN referrals.family f ON f.id = c.family_id
                        WHERE (f.hub_id = ? OR c.hub_id = ?) AND u.done_at IS NULL AND u.due_on <= ?
                        ORDER BY u.due_on, c.id LIMIT 500""")
                .params(hub.value(), hub.value(), by)
                .query((rs, n) -> new FollowUpRow(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class)))
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
    public boolean touchCase(UUID id, int version) {
        return jdbc.sql("UPDATE referrals.case_file SET version = version + 1 WHERE id = ? AND version = ?")
                        .params(id, version)
                        .update()
                == 1;
    }

    public void setAssessed(UUID id, Instant at, LocalDate firstReview) {
        jdbc.sql("UPDATE referrals.case_file SET assessed_at = ?, next_review_due = ? WHERE id = ?")
                .params(ts(at), firstReview, id)
                .update();
    }

    public void setNextReview(UUID id, LocalDate due) {
        jdbc.sql("UPDATE referrals.case_file SET next_review_due = ? WHERE id = ?")
                .params(due, id)
                .update();
    }

    public void close(UUID id, Instant at, ClosureReason reason, @Nullable String note) {
        jdbc.sql("""
                        UPDATE referrals.case_file SET closed_at = ?, close_reason = ?, close_note = ?, next_review_due = NULL
                        WHERE id = ?""").params(ts(at), reason.name(), note, id).update();
    }

    public void setSteppedUp(UUID id, Instant at) {
        jdbc.sql("UPDATE referrals.case_file SET stepped_up_at = ? WHERE id = ?")
                .params(ts(at), id)
                .update();
    }

    // ---- assessment, plan, reviews, contacts, closure -----------------------------------------

    public void insertAssessment(UUID caseId, CaseRecord.Assessment a) {
        jdbc.sql("""
                        INSERT INTO referrals.assessment (case_id, area, strengths, worries, child_says, child_not_seen_reason,
                          parents_say) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        caseId,
                        a.area().name(),
                        a.strengths(),
                        a.worries(),
                        a.childSays(),
                        a.childNotSeenReason(),
                        a.parentsSay())
                .update();
    }

    public List<CaseRecord.Assessment> assessment(UUID caseId) {
        return jdbc.sql("""
                        SELECT area, strengths, worries, child_says, child_not_seen_reason, parents_say
                        FROM referrals.assessment WHERE case_id = ? ORDER BY area""")
                .param(caseId)
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
    public UUID upsertOutcome(UUID caseId, OutcomeArea area, String outcome, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO referrals.plan_outcome (id, case_id, area, outcome, position, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, (SELECT count(*) FROM referrals.plan_outcome WHERE case_id = ?), ?, ?)
                        ON CONFLICT (case_id, area) DO UPDATE SET outcome = excluded.outcome RETURNING id""")
                .params(UUID.randomUUID(), caseId, area.name(), outcome, caseId, ts(at), by)
                .query(UUID.class)
                .single();
    }

    public Optional<UUID> caseOfOutcome(UUID outcome) {
        return jdbc.sql("SELECT case_id FROM referrals.plan_outcome WHERE id = ?")
                .param(outcome)
                .query(UUID.class)
                .optional();
    }

    public Optional<UUID> caseOfAction(UUID action) {
        return jdbc.sql("""
                        SELECT o.case_id FROM referrals.plan_action a JOIN referrals.plan_outcome o ON o.id = a.outcome_id
                        WHERE a.id = ?""").param(action).query(UUID.class).optional();
    }

    public void insertAction(UUID outcome, String action, String owner, LocalDate due, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO referrals.plan_action (id, outcome_id, action, owner, due_on, status, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, 'NOT_STARTED', ?, ?)""")
                .params(UUID.randomUUID(), outcome, action, owner, due, ts(at), by)
                .update();
    }

    public boolean setActionStatus(UUID action, int version, ActionStatus status, Instant at, String by) {
        return jdbc.sql("""
                                UPDATE referrals.plan_action SET status = ?, status_changed_at = ?, status_changed_by = ?,
                                  version = version + 1 WHERE id = ? AND version = ?""").params(status.name(), ts(at), by, action, version).update() == 1;
    }

    public List<CaseRecord.PlanOutcome> plan(UUID caseId) {
        Map<UUID, List<CaseRecord.Action>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.outcome_id, a.id, a.action, a.owner, a.due_on, a.status, a.version
                        FROM referrals.plan_action a JOIN referrals.plan_outcome o ON o.id = a.outcome_id
                        WHERE o.case_id = ? ORDER BY a.due_on, a.action""")
                .param(caseId)
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
                .param(caseId)
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
            UUID id, UUID caseId, LocalDate heldOn, String by, String notes, LocalDate next, Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO referrals.review (id, case_id, held_on, held_by, notes, next_due, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, heldOn, by, notes, next, ts(recordedAt))
                .update();
    }

    public void insertScore(UUID review, UUID outcome, int score) {
        jdbc.sql("INSERT INTO referrals.review_score (review_id, outcome_id, score) VALUES (?, ?, ?)")
                .params(review, outcome, score)
                .update();
    }

    public List<CaseRecord.Review> reviews(UUID caseId) {
        Map<UUID, Map<UUID, Integer>> scores = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.review_id, s.outcome_id, s.score FROM referrals.review_score s
                        JOIN referrals.review r ON r.id = s.review_id WHERE r.case_id = ?""")
                .param(caseId)
                .query((rs, n) -> scores.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                        .put(rs.getObject(2, UUID.class), rs.getInt(3)))
                .list();
        return jdbc.sql("""
                        SELECT id, held_on, held_by, notes, next_due FROM referrals.review WHERE case_id = ?
                        ORDER BY held_on, id""")
                .param(caseId)
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
            UUID caseId,
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
                .params(id, caseId, on, kind.name(), minutes, childSeen, views, note, by, byName, ts(at))
                .update();
    }

    public List<CaseRecord.Contact> contacts(UUID caseId, int limit) {
        return jdbc.sql("""
                        SELECT id, happened_on, kind, minutes, child_seen, child_views, note, logged_name
                        FROM referrals.contact WHERE case_id = ? ORDER BY happened_on DESC, logged_at DESC LIMIT ?""")
                .params(caseId, limit)
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

    public void insertClosureOutcome(UUID caseId, OutcomeArea area, NeedResult result) {
        jdbc.sql("INSERT INTO referrals.closure_outcome (case_id, area, result) VALUES (?, ?, ?)")
                .params(caseId, area.name(), result.name())
                .update();
    }

    public Map<OutcomeArea, NeedResult> closure(UUID caseId) {
        Map<OutcomeArea, NeedResult> results = new EnumMap<>(OutcomeArea.class);
        jdbc.sql("SELECT area, result FROM referrals.closure_outcome WHERE case_id = ?")
                .param(caseId)
                .query((rs, n) ->
                        results.put(OutcomeArea.valueOf(rs.getString(1)), NeedResult.valueOf(rs.getString(2))))
                .list();
        return results;
    }

    public void insertFollowUp(UUID caseId, int months, LocalDate due) {
        jdbc.sql("INSERT INTO referrals.follow_up (case_id, months, due_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(caseId, months, due)
                .update();
    }

    public List<CaseRecord.FollowUp> followUps(UUID caseId) {
        return jdbc.sql(
                        "SELECT months, due_on, done_at, note FROM referrals.follow_up WHERE case_id = ? ORDER BY months")
                .param(caseId)
                .query((rs, n) -> new CaseRecord.FollowUp(
                        rs.getInt(1), rs.getObject(2, LocalDate.class), instant(rs, 3), rs.getString(4)))
                .list();
    }

    public boolean completeFollowUp(UUID caseId, int months, String by, String note, Instant at) {
        return jdbc.sql("""
                                UPDATE referrals.follow_up SET done_at = ?, done_by = ?, note = ?
                                WHERE case_id = ? AND months = ? AND done_at IS NULL""").params(ts(at), by, note, caseId, months).update() == 1;
    }

    // ---- timeline ----------------------------------------------------------------------------

    /**
     * Everything that happened to a family, newest first, as raw rows for the service to phrase.
     *
     * @param timeKnown false for what has only a date (a visit or review recorded on a later day):
     *     it is placed at the end of its day, after what happened that day with a time
     */
    public record TimelineRow(
            Instant at,
            boolean timeKnown,
            String kind,
            String a,
            @Nullable String b,
            @Nullable String c,
            @Nullable String by) {}

    /**
     * When something with only a date happened, as SQL over a date and the time it was recorded:
     * the recorded time when it was recorded that same day, else the end of its day.
     */
    private static String happened(String day, String recorded) {
        return "CASE WHEN " + timeKnown(day, recorded) + " THEN " + recorded + " ELSE ((" + day
                + " + 1) + time '00:00') AT TIME ZONE 'Europe/London' - interval '1 microsecond' END";
    }

    private static String timeKnown(String day, String recorded) {
        return "coalesce((" + recorded + " AT TIME ZONE 'Europe/London')::date = " + day + ", false)";
    }

    public List<TimelineRow> timeline(UUID family, int limit) {
        // Within one instant, entries follow the journey's order (a request before its decision).
        return jdbc.sql("""
                        SELECT at, known, kind, a, b, c, by FROM (
                          SELECT r.submitted_at AS at, true AS known, 1 AS step, CASE WHEN r.safeguarding THEN 'safeguarding'
                                 WHEN r.step_down THEN 'step-down' ELSE 'request' END AS kind,
                                 r.referrer_name AS a, r.referrer_org AS b,
                                 (SELECT string_agg(n.area, ',' ORDER BY n.area) FROM referrals.request_need n
                                  WHERE n.request_id = r.id) AS c, r.referrer_name AS by
                          FROM referrals.request r WHERE r.family_id = :f
                          UNION ALL
                          SELECT r.decided_at, true, 2, 'decision', r.outcome, r.level::text, r.reasons, r.decided_by
                          FROM referrals.request r WHERE r.family_id = :f AND r.decided_at IS NOT NULL
                          UNION ALL
                          SELECT c.allocated_at, true, 3, 'allocation', c.lead_name, c.lead_org, c.assessment_due::text,
                                 c.allocated_by
                          FROM referrals.case_file c WHERE c.family_id = :f
                          UNION ALL
                          SELECT c.assessed_at, true, 4, 'assessment',
                                 (SELECT string_agg(a.area, ',' ORDER BY a.area) FROM referrals.assessment a
                                  WHERE a.case_id = c.id), NULL, NULL, c.lead_name
                          FROM referrals.case_file c WHERE c.family_id = :f AND c.assessed_at IS NOT NULL
                          UNION ALL
                          SELECT coalesce(o.recorded_at, c.assessed_at, c.allocated_at), o.recorded_at IS NOT NULL, 5,
                                 'plan-outcome', o.area, o.outcome, NULL, coalesce(o.recorded_by, c.lead_name)
                          FROM referrals.plan_outcome o JOIN referrals.case_file c ON c.id = o.case_id
                          WHERE c.family_id = :f
                          UNION ALL
                          SELECT coalesce(p.recorded_at, c.assessed_at, c.allocated_at), p.recorded_at IS NOT NULL, 6,
                                 'plan-action', p.action, p.owner, p.due_on::text, coalesce(p.recorded_by, c.lead_name)
                          FROM referrals.plan_action p JOIN referrals.plan_outcome o ON o.id = p.outcome_id
                          JOIN referrals.case_file c ON c.id = o.case_id WHERE c.family_id = :f
                          UNION ALL
                          SELECT p.status_changed_at, true, 7, 'action-status', p.action, p.status, NULL, p.status_changed_by
                          FROM referrals.plan_action p JOIN referrals.plan_outcome o ON o.id = p.outcome_id
                          JOIN referrals.case_file c ON c.id = o.case_id
                          WHERE c.family_id = :f AND p.status_changed_at IS NOT NULL
                          UNION ALL
                          SELECT\s""" + happened("r.held_on", "r.recorded_at") + ", " + timeKnown("r.held_on", "r.recorded_at")
                        + """
                                 , 9, 'review', r.notes, r.next_due::text, NULL, r.held_by
                          FROM referrals.review r JOIN referrals.case_file c ON c.id = r.case_id WHERE c.family_id = :f
                          UNION ALL
                          SELECT\s""" + happened("t.happened_on", "t.logged_at") + ", "
                        + timeKnown("t.happened_on", "t.logged_at") + """
                                 , 8, 'contact', t.kind, t.note, CASE WHEN t.child_seen THEN coalesce(t.child_views, '') END,
                                 t.logged_name
                          FROM referrals.contact t JOIN referrals.case_file c ON c.id = t.case_id WHERE c.family_id = :f
                          UNION ALL
                          SELECT c.stepped_up_at, true, 10, 'step-up', NULL, NULL, NULL, NULL
                          FROM referrals.case_file c WHERE c.family_id = :f AND c.stepped_up_at IS NOT NULL
                          UNION ALL
                          SELECT c.closed_at, true, 11, 'closure', c.close_reason, c.close_note,
                                 (SELECT string_agg(u.months || ':' || u.due_on, ',' ORDER BY u.months)
                                  FROM referrals.follow_up u WHERE u.case_id = c.id), c.lead_name
                          FROM referrals.case_file c WHERE c.family_id = :f AND c.closed_at IS NOT NULL
                          UNION ALL
                          SELECT s.recorded_at, true, 0, 'consent', s.given_by, s.how, s.share_with, s.recorded_by
                          FROM referrals.consent s WHERE s.family_id = :f
                          UNION ALL
                          SELECT s.withdrawn_at, true, 12, 'consent-withdrawn', s.given_by, s.withdrawn_reason, NULL,
                                 s.withdrawn_by
                          FROM referrals.consent s WHERE s.family_id = :f AND s.withdrawn_at IS NOT NULL
                          UNION ALL
                          SELECT b.received_at, true, 8, 'feedback', b.mood::text, b.words,
                                 CASE WHEN b.safeguarding THEN 'safeguarding' END, b.first_name
                          FROM referrals.case_feedback b JOIN referrals.case_file c ON c.id = b.case_id
                          WHERE c.family_id = :f
                          UNION ALL
                          SELECT u.done_at, true, 13, 'follow-up', u.months::text, u.note, NULL, u.done_by
                          FROM referrals.follow_up u JOIN referrals.case_file c ON c.id = u.case_id
                          WHERE c.family_id = :f AND u.done_at IS NOT NULL
                        ) t ORDER BY at DESC, step DESC, kind LIMIT :limit""")
                .param("f", family)
                .param("limit", limit)
                .query((rs, n) -> new TimelineRow(
                        rs.getTimestamp(1).toInstant(),
                        rs.getBoolean(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString(13);
        return new CaseRow(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                new HubId(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getObject(9, LocalDate.class),
                instant(rs, 10),
                rs.getObject(11, LocalDate.class),
                instant(rs, 12),
                reason == null ? null : ClosureReason.valueOf(reason),
                rs.getBoolean(14),
                rs.getInt(15));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
