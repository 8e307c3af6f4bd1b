package org.earlyhelp.insight.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * When an open case in {@code insight.case_file} drifts, written once for the hub dashboard and
 * the borough view: no contact for {@code drift-weeks}, the assessment or a review overdue, or no
 * supervision for {@code oversight-weeks} (counted from allocation when it never had one).
 */
public final class DriftRule {

    /** The condition, with four positional parameters: see {@link #parameters}. */
    public static final String CONDITION = """
            (coalesce(last_contact_at, allocated_at) < ?
             OR (assessment_done_at IS NULL AND assessment_due < ?)
             OR (assessment_done_at IS NOT NULL AND next_review_due < ?)
             OR coalesce(last_supervised_on, (allocated_at AT TIME ZONE 'Europe/London')::date) < ?)""";

    private DriftRule() {}

    /** The condition's parameters, in its order. */
    public static List<Object> parameters(Instant now, LocalDate today, int driftWeeks, int oversightWeeks) {
        return List.of(
                Timestamp.from(now.minus(Duration.ofDays(7L * driftWeeks))),
                today,
                today,
                today.minusWeeks(oversightWeeks));
    }
}
