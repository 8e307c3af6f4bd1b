package org.earlyhelp.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.referrals.AssessmentCompleted;
import org.earlyhelp.referrals.CaseAllocated;
import org.earlyhelp.referrals.CaseClosed;
import org.earlyhelp.referrals.ContactLogged;
import org.earlyhelp.referrals.FamiliesLinked;
import org.earlyhelp.referrals.FamilyErased;
import org.earlyhelp.referrals.RequestDecided;
import org.earlyhelp.referrals.RequestSubmitted;
import org.earlyhelp.referrals.ReviewHeld;
import org.earlyhelp.referrals.SteppedUp;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.events.RecordsErased;
import org.earlyhelp.voice.ThemeConfirmed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the journey's events to the read models. Every method is idempotent: an event
 * delivered twice (after a crash, say) changes nothing the second time. An event about a record
 * not seen yet fails, so its publication stays incomplete and is delivered again later.
 */
@Component
public class Projections {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    Projections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(RequestSubmitted e) {
        int inserted = jdbc.sql("""
                        INSERT INTO insight.request (id, family_id, family_label, hub_id, area_code, submitted_at,
                          decision_due, re_referral, step_down) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(
                        e.request(),
                        e.family(),
                        e.familyLabel(),
                        e.hub().value(),
                        e.area(),
                        ts(e.submittedAt()),
                        ts(e.decisionDue()),
                        e.reReferral(),
                        e.stepDown())
                .update();
        if (inserted == 1) {
            count(e.hub(), e.submittedAt(), "requests", 1);
            if (e.reReferral()) {
                count(e.hub(), e.submittedAt(), "re_referrals", 1);
            }
            if (e.stepDown()) {
                count(e.hub(), e.submittedAt(), "step_downs", 1);
            }
        }
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(RequestDecided e) {
        requireRequest(e.request());
        Optional<Boolean> onTime = jdbc.sql("""
                        UPDATE insight.request SET decided_at = ?, level = ?, outcome = ?
                        WHERE id = ? AND decided_at IS NULL RETURNING decided_at <= decision_due""")
                .params(ts(e.decidedAt()), e.level().number(), e.outcome().name(), e.request())
                .query(Boolean.class)
                .optional();
        onTime.ifPresent(inTime -> {
            count(e.hub(), e.decidedAt(), "decided", 1);
            if (inTime) {
                count(e.hub(), e.decidedAt(), "decided_on_time", 1);
            }
        });
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(CaseAllocated e) {
        int inserted = jdbc.sql("""
                        INSERT INTO insight.case_file (id, request_id, family_id, family_label, hub_id, lead_practitioner,
                          allocated_at, assessment_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(
                        e.caseId(),
                        e.request(),
                        e.family(),
                        e.familyLabel(),
                        e.hub().value(),
                        // The lead's user name, which the hub's team knows them by; events from before
                        // it was carried have the name only.
                        e.lead() == null ? e.leadPractitioner() : e.lead(),
                        ts(e.allocatedAt()),
                        e.assessmentDue())
                .update();
        jdbc.sql("UPDATE insight.request SET allocated_at = ? WHERE id = ? AND allocated_at IS NULL")
                .params(ts(e.allocatedAt()), e.request())
                .update();
        if (inserted == 1) {
            count(e.hub(), e.allocatedAt(), "allocations", 1);
        }
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction. A review held already (its event arrived first) sets the next review:
    // the assessment's first review date applies only while no review has been held.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(AssessmentCompleted e) {
        requireCase(e.caseId());
        jdbc.sql("""
                        UPDATE insight.case_file SET assessment_done_at = ?,
                          next_review_due = CASE WHEN last_review_at IS NULL THEN ? ELSE next_review_due END
                        WHERE id = ? AND assessment_done_at IS NULL""")
                .params(ts(e.completedAt()), e.firstReviewDue(), e.caseId())
                .update();
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(ReviewHeld e) {
        requireCase(e.caseId());
        jdbc.sql("""
                        UPDATE insight.case_file SET last_review_at = ?, next_review_due = ?
                        WHERE id = ? AND (last_review_at IS NULL OR last_review_at < ?)""")
                .params(ts(e.heldAt()), e.nextReviewDue(), e.caseId(), ts(e.heldAt()))
                .update();
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(ContactLogged e) {
        requireCase(e.caseId());
        int inserted = jdbc.sql("INSERT INTO insight.contact_seen (id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(e.contact())
                .update();
        if (inserted == 1) {
            jdbc.sql("""
                            UPDATE insight.case_file SET contacts = contacts + 1,
                              last_contact_at = greatest(coalesce(last_contact_at, ?), ?) WHERE id = ?""").params(ts(e.at()), ts(e.at()), e.caseId()).update();
            count(e.hub(), e.at(), "contacts", 1);
        }
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(SteppedUp e) {
        requireRequest(e.request());
        int updated = jdbc.sql("UPDATE insight.request SET stepped_up_at = ? WHERE id = ? AND stepped_up_at IS NULL")
                .params(ts(e.at()), e.request())
                .update();
        if (updated == 1) {
            count(e.hub(), e.at(), "step_ups", 1);
        }
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(CaseClosed e) {
        requireCase(e.caseId());
        int updated = jdbc.sql("""
                        UPDATE insight.case_file SET closed_at = ?, close_reason = ?, needs = ?, needs_achieved = ?
                        WHERE id = ? AND closed_at IS NULL""")
                .params(ts(e.closedAt()), e.reason().name(), e.needs(), e.needsAchieved(), e.caseId())
                .update();
        if (updated == 1) {
            count(e.hub(), e.closedAt(), "closures", 1);
            count(e.hub(), e.closedAt(), "needs", e.needs());
            count(e.hub(), e.closedAt(), "needs_achieved", e.needsAchieved());
        }
    }

    // Nothing is written before the check that may throw NotSeenYet, so the listener may try again
    // in the same transaction.
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(ThemeConfirmed e) {
        int inserted = jdbc.sql(
                        "INSERT INTO insight.theme_seen (feedback_id, theme) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(e.feedback(), e.theme())
                .update();
        if (inserted == 1) {
            LocalDate month = e.at().atZone(LONDON).toLocalDate().withDayOfMonth(1);
            jdbc.sql("""
                            INSERT INTO insight.theme_monthly (hub_id, month, theme, count) VALUES (?, ?, ?, 1)
                            ON CONFLICT (hub_id, month, theme) DO UPDATE SET count = insight.theme_monthly.count + 1""").params(e.hub().value(), month, e.theme()).update();
        }
    }

    /**
     * A family erased under the retention rule keeps its counts here but loses its name and its
     * id: the rows of its requests and cases say "Deleted record" under an id nobody knows.
     */
    @Transactional
    public void apply(RecordsErased e) {
        UUID unknown = UUID.randomUUID();
        jdbc.sql("UPDATE insight.request SET family_label = 'Deleted record', family_id = ? WHERE id = ANY (?)")
                .params(unknown, e.requests().toArray(UUID[]::new))
                .update();
        jdbc.sql("UPDATE insight.case_file SET family_label = 'Deleted record', family_id = ? WHERE id = ANY (?)")
                .params(unknown, e.cases().toArray(UUID[]::new))
                .update();
    }

    /** An erasure recorded before erasure named no records: by the family's id. */
    @Transactional
    public void apply(FamilyErased e) {
        jdbc.sql("UPDATE insight.request SET family_label = 'Deleted record' WHERE family_id = ?")
                .param(e.family())
                .update();
        jdbc.sql("UPDATE insight.case_file SET family_label = 'Deleted record' WHERE family_id = ?")
                .param(e.family())
                .update();
    }

    /**
     * A new request's family turned out to be a known one: its rows follow the known family, and
     * requests that are re-referrals once linked count as such, once.
     */
    @Transactional(noRollbackFor = NotSeenYet.class)
    public void apply(FamiliesLinked e) {
        for (UUID request : e.reReferrals()) {
            requireRequest(request);
        }
        jdbc.sql("UPDATE insight.request SET family_id = ?, family_label = ? WHERE family_id = ?")
                .params(e.into(), e.label(), e.from())
                .update();
        jdbc.sql("UPDATE insight.case_file SET family_id = ?, family_label = ? WHERE family_id = ?")
                .params(e.into(), e.label(), e.from())
                .update();
        for (UUID request : e.reReferrals()) {
            jdbc.sql("""
                            UPDATE insight.request SET re_referral = true WHERE id = ? AND NOT re_referral
                            RETURNING hub_id, submitted_at""")
                    .param(request)
                    .query((rs, n) -> {
                        count(new HubId(rs.getString(1)), rs.getTimestamp(2).toInstant(), "re_referrals", 1);
                        return 1;
                    })
                    .list();
        }
    }

    /** An event about a record whose own event has not been taken in yet. */
    public static class NotSeenYet extends IllegalStateException {
        NotSeenYet(String what) {
            super(what + " not seen yet; the event will be delivered again");
        }
    }

    /** Empties every read model, before a rebuild. */
    @Transactional
    public void clear() {
        jdbc.sql("""
                        TRUNCATE insight.request, insight.case_file, insight.contact_seen, insight.monthly,
                          insight.theme_seen, insight.theme_monthly""").update();
    }

    private void requireRequest(UUID id) {
        if (jdbc.sql("SELECT count(*) FROM insight.request WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                == 0) {
            throw new NotSeenYet("Request " + id);
        }
    }

    private void requireCase(UUID id) {
        if (jdbc.sql("SELECT count(*) FROM insight.case_file WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                == 0) {
            throw new NotSeenYet("Case " + id);
        }
    }

    private void count(HubId hub, Instant at, String column, int by) {
        LocalDate month = at.atZone(LONDON).toLocalDate().withDayOfMonth(1);
        jdbc.sql("INSERT INTO insight.monthly (hub_id, month, " + column + ") VALUES (?, ?, ?)"
                        + " ON CONFLICT (hub_id, month) DO UPDATE SET " + column + " = insight.monthly." + column
                        + " + excluded." + column)
                .params(hub.value(), month, by)
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
