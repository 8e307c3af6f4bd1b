package org.earlyhelp.insight;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * One month's performance for a hub or the borough.
 *
 * @param decided requests decided in the month
 * @param decidedOnTime of those, decided within one working day
 * @param assessmentsDue assessments due in the month, done or already late
 * @param assessmentsOnTime of those, done by the day they were due
 * @param openAtEnd cases open at the month's end (today, for the month not yet over)
 * @param closedAllMet cases closed in the month with every need met
 * @param sustained of those, families not referred again within six months; {@code null} where six
 *     months have not yet passed since the month
 */
public record PerformanceMonth(
        YearMonth month,
        int requests,
        int decided,
        int decidedOnTime,
        int reReferrals,
        int stepUps,
        int stepDowns,
        int closures,
        int needs,
        int needsAchieved,
        int assessmentsDue,
        int assessmentsOnTime,
        int openAtEnd,
        int closedAllMet,
        @Nullable Integer sustained) {}
