package org.earlyhelp.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.referrals.AssessmentCompleted;
import org.earlyhelp.referrals.CaseAllocated;
import org.earlyhelp.referrals.CaseClosed;
import org.earlyhelp.referrals.CaseSupervised;
import org.earlyhelp.referrals.ContactLogged;
import org.earlyhelp.referrals.FamiliesLinked;
import org.earlyhelp.referrals.FamilyErased;
import org.earlyhelp.referrals.RequestDecided;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestSubmitted;
import org.earlyhelp.referrals.ReviewHeld;
import org.earlyhelp.referrals.SteppedUp;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.events.RecordsErased;
import org.earlyhelp.voice.ThemeConfirmed;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the journey's events to the read models, in whatever order they arrive. Events
 * published together (a request and its decision, say) reach their listeners on separate threads,
 * so a decision may come before its request: each event writes its own facts into the record's
 * row, starting the row if it is the first, and a figure that needs two events' facts (a decision
 * on time needs the request's due time) is counted by whichever of them comes second. The
 * dashboards read views that show a row once the event creating its record has arrived. Every
 * method is idempotent too: an event delivered twice (after a crash, say) changes nothing the
 * second time.
 */
@Component
public class Projections {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    Projections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(RequestSubmitted e) {
        Family family = family(e.family().value(), e.familyLabel());
        Optional<Completed> completed = jdbc.sql("""
                        INSERT INTO insight.request_row AS r (id, family_id, family_label, hub_id, area_code, submitted_at,
                          decision_due, re_referral, step_down) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, family_label = excluded.family_label,
                          hub_id = excluded.hub_id, area_code = excluded.area_code, submitted_at = excluded.submitted_at,
                          decision_due = excluded.decision_due, re_referral = r.re_referral OR excluded.re_referral,
                          step_down = excluded.step_down
                        WHERE r.submitted_at IS NULL
                        RETURNING decided_at, coalesce(decided_at <= decision_due, false), re_referral""")
                .params(Arrays.asList(
                        e.request().value(),
                        family.id(),
                        family.label(),
                        e.hub().value(),
                        e.area(),
                        ts(e.submittedAt()),
                        ts(e.decisionDue()),
                        e.reReferral(),
                        e.stepDown()))
                .query((rs, n) -> new Completed(
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                        rs.getBoolean(2),
                        rs.getBoolean(3)))
                .optional();
        completed.ifPresent(c -> {
            count(e.hub(), e.submittedAt(), "requests", 1);
            // A link that found this request to be a re-referral may have come first.
            if (c.reReferral()) {
                count(e.hub(), e.submittedAt(), "re_referrals", 1);
            }
            if (e.stepDown()) {
                count(e.hub(), e.submittedAt(), "step_downs", 1);
            }
            // The decision came first: it counted itself, and whether it was on time is known only now.
            Instant decidedAt = c.decidedAt();
            if (decidedAt != null && c.onTime()) {
                count(e.hub(), decidedAt, "decided_on_time", 1);
            }
        });
    }

    /** What a request's row held when its submission completed it. */
    private record Completed(@Nullable Instant decidedAt, boolean onTime, boolean reReferral) {}

    @Transactional
    public void apply(RequestDecided e) {
        Optional<Boolean> onTime = jdbc.sql("""
                        INSERT INTO insight.request_row AS r (id, hub_id, decided_at, level, outcome) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET decided_at = excluded.decided_at, level = excluded.level,
                          outcome = excluded.outcome
                        WHERE r.decided_at IS NULL
                        RETURNING coalesce(decided_at <= decision_due, false)""")
                .params(
                        e.request().value(),
                        e.hub().value(),
                        ts(e.decidedAt()),
                        e.level().number(),
                        e.outcome().name())
                .query((rs, n) -> rs.getBoolean(1))
                .optional();
        onTime.ifPresent(inTime -> {
            count(e.hub(), e.decidedAt(), "decided", 1);
            if (inTime) {
                count(e.hub(), e.decidedAt(), "decided_on_time", 1);
            }
        });
    }

    @Transactional
    public void apply(CaseAllocated e) {
        Family family = family(e.family().value(), e.familyLabel());
        boolean allocated = jdbc.sql("""
                                INSERT INTO insight.case_row AS c (id, request_id, family_id, family_label, hub_id,
                                  lead_practitioner, allocated_at, assessment_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                                ON CONFLICT (id) DO UPDATE SET request_id = excluded.request_id,
                                  family_id = excluded.family_id, family_label = excluded.family_label,
                                  hub_id = excluded.hub_id, lead_practitioner = excluded.lead_practitioner,
                                  allocated_at = excluded.allocated_at, assessment_due = excluded.assessment_due
                                WHERE c.allocated_at IS NULL""")
                        .params(
                                e.caseId().value(),
                                e.request().value(),
                                family.id(),
                                family.label(),
                                e.hub().value(),
                                // The lead's user name, which the hub's team knows them by; events from
                                // before it was carried have the name only.
                                e.lead() == null ? e.leadPractitioner() : e.lead(),
                                ts(e.allocatedAt()),
                                e.assessmentDue())
                        .update()
                == 1;
        jdbc.sql("""
                        INSERT INTO insight.request_row AS r (id, hub_id, allocated_at) VALUES (?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET allocated_at = excluded.allocated_at WHERE r.allocated_at IS NULL""")
                .params(e.request().value(), e.hub().value(), ts(e.allocatedAt()))
                .update();
        if (allocated) {
            count(e.hub(), e.allocatedAt(), "allocations", 1);
        }
    }

    /**
     * The assessment's first review date applies only while no review has been held: a review
     * that came first has set the next one.
     */
    @Transactional
    public void apply(AssessmentCompleted e) {
        jdbc.sql("""
                        INSERT INTO insight.case_row AS c (id, hub_id, assessment_done_at, next_review_due)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET assessment_done_at = excluded.assessment_done_at,
                          next_review_due = CASE WHEN c.last_review_at IS NULL THEN excluded.next_review_due
                            ELSE c.next_review_due END
                        WHERE c.assessment_done_at IS NULL""")
                .params(e.caseId().value(), e.hub().value(), ts(e.completedAt()), e.firstReviewDue())
                .update();
    }

    @Transactional
    public void apply(ReviewHeld e) {
        jdbc.sql("""
                        INSERT INTO insight.case_row AS c (id, hub_id, last_review_at, next_review_due) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET last_review_at = excluded.last_review_at,
                          next_review_due = excluded.next_review_due
                        WHERE c.last_review_at IS NULL OR c.last_review_at < excluded.last_review_at""")
                .params(e.caseId().value(), e.hub().value(), ts(e.heldAt()), e.nextReviewDue())
                .update();
    }

    @Transactional
    public void apply(ContactLogged e) {
        int inserted = jdbc.sql("INSERT INTO insight.contact_seen (id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(e.contact())
                .update();
        if (inserted == 1) {
            jdbc.sql("""
                            INSERT INTO insight.case_row AS c (id, hub_id, contacts, last_contact_at) VALUES (?, ?, 1, ?)
                            ON CONFLICT (id) DO UPDATE SET contacts = c.contacts + 1,
                              last_contact_at = greatest(c.last_contact_at, excluded.last_contact_at)""")
                    .params(e.caseId().value(), e.hub().value(), ts(e.at()))
                    .update();
            count(e.hub(), e.at(), "contacts", 1);
        }
    }

    @Transactional
    public void apply(CaseSupervised e) {
        jdbc.sql("""
                        INSERT INTO insight.case_row AS c (id, hub_id, last_supervised_on) VALUES (?, ?, ?)
                        ON CONFLICT (id) DO UPDATE
                          SET last_supervised_on = greatest(c.last_supervised_on, excluded.last_supervised_on)""").params(e.caseId().value(), e.hub().value(), e.heldOn()).update();
    }

    @Transactional
    public void apply(SteppedUp e) {
        int updated = jdbc.sql("""
                        INSERT INTO insight.request_row AS r (id, hub_id, stepped_up_at) VALUES (?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET stepped_up_at = excluded.stepped_up_at WHERE r.stepped_up_at IS NULL""")
                .params(e.request().value(), e.hub().value(), ts(e.at()))
                .update();
        if (updated == 1) {
            count(e.hub(), e.at(), "step_ups", 1);
        }
    }

    @Transactional
    public void apply(CaseClosed e) {
        int updated = jdbc.sql("""
                        INSERT INTO insight.case_row AS c (id, hub_id, closed_at, close_reason, needs, needs_achieved)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET closed_at = excluded.closed_at, close_reason = excluded.close_reason,
                          needs = excluded.needs, needs_achieved = excluded.needs_achieved
                        WHERE c.closed_at IS NULL""")
                .params(
                        e.caseId().value(),
                        e.hub().value(),
                        ts(e.closedAt()),
                        e.reason().name(),
                        e.needs(),
                        e.needsAchieved())
                .update();
        if (updated == 1) {
            count(e.hub(), e.closedAt(), "closures", 1);
            count(e.hub(), e.closedAt(), "needs", e.needs());
            count(e.hub(), e.closedAt(), "needs_achieved", e.needsAchieved());
        }
    }

    @Transactional
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
        jdbc.sql("UPDATE insight.request_row SET family_label = 'Deleted record', family_id = ? WHERE id = ANY (?)")
                .params(unknown, e.requests().toArray(UUID[]::new))
                .update();
        jdbc.sql("UPDATE insight.case_row SET family_label = 'Deleted record', family_id = ? WHERE id = ANY (?)")
                .params(unknown, e.cases().toArray(UUID[]::new))
                .update();
    }

    /** An erasure recorded before erasure named no records: by the family's id. */
    @Transactional
    public void apply(FamilyErased e) {
        jdbc.sql("UPDATE insight.request_row SET family_label = 'Deleted record' WHERE family_id = ?")
                .param(e.family().value())
                .update();
        jdbc.sql("UPDATE insight.case_row SET family_label = 'Deleted record' WHERE family_id = ?")
                .param(e.family().value())
                .update();
    }

    /**
     * A new request's family turned out to be a known one: its rows follow the known family (and so
     * do rows of the first family that arrive later), and requests that are re-referrals once
     * linked count as such, once: now if the request has arrived, or when it does.
     */
    @Transactional
    public void apply(FamiliesLinked e) {
        jdbc.sql("""
                        INSERT INTO insight.family_link (from_id, into_id, label) VALUES (?, ?, ?)
                        ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id, label = excluded.label""").params(e.from().value(), e.into().value(), e.label()).update();
        jdbc.sql("UPDATE insight.family_link SET into_id = ?, label = ? WHERE into_id = ?")
                .params(e.into().value(), e.label(), e.from().value())
                .update();
        jdbc.sql("UPDATE insight.request_row SET family_id = ?, family_label = ? WHERE family_id = ?")
                .params(e.into().value(), e.label(), e.from().value())
                .update();
        jdbc.sql("UPDATE insight.case_row SET family_id = ?, family_label = ? WHERE family_id = ?")
                .params(e.into().value(), e.label(), e.from().value())
                .update();
        for (RequestId request : e.reReferrals()) {
            jdbc.sql("""
                            INSERT INTO insight.request_row AS r (id, re_referral) VALUES (?, true)
                            ON CONFLICT (id) DO UPDATE SET re_referral = true WHERE NOT r.re_referral
                            RETURNING hub_id, submitted_at""")
                    .param(request.value())
                    .query((rs, n) -> {
                        // A request not arrived yet is counted as a re-referral when it arrives.
                        Timestamp submitted = rs.getTimestamp(2);
                        if (submitted != null) {
                            count(new HubId(rs.getString(1)), submitted.toInstant(), "re_referrals", 1);
                        }
                        return 1;
                    })
                    .list();
        }
    }

    /** The family a record is filed under: the one it was linked into, if it was. */
    private Family family(UUID id, String label) {
        return jdbc.sql("SELECT into_id, label FROM insight.family_link WHERE from_id = ?")
                .param(id)
                .query((rs, n) -> new Family(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional()
                .orElse(new Family(id, label));
    }

    private record Family(UUID id, String label) {}

    /** Applies any event the insight listener takes: for a rebuild from the archive, and for tests. */
    @Transactional
    public void apply(Object event) {
        switch (event) {
            case RequestSubmitted e -> apply(e);
            case RequestDecided e -> apply(e);
            case CaseAllocated e -> apply(e);
            case AssessmentCompleted e -> apply(e);
            case ReviewHeld e -> apply(e);
            case ContactLogged e -> apply(e);
            case SteppedUp e -> apply(e);
            case CaseClosed e -> apply(e);
            case CaseSupervised e -> apply(e);
            case ThemeConfirmed e -> apply(e);
            case FamiliesLinked e -> apply(e);
            case FamilyErased e -> apply(e);
            case RecordsErased e -> apply(e);
            default ->
                throw new IllegalStateException(
                        "The insight listener never took " + event.getClass().getName());
        }
    }

    /** Empties every read model, before a rebuild. */
    @Transactional
    public void clear() {
        jdbc.sql("""
                        TRUNCATE insight.request_row, insight.case_row, insight.contact_seen, insight.monthly,
                          insight.theme_seen, insight.theme_monthly, insight.family_link""").update();
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
