package org.earlyhelp.referrals;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Targets of the early help journey, all configurable under {@code earlyhelp.referrals}.
 *
 * @param decisionWorkingDays working days the hub has to decide a request (default 1)
 * @param assessmentWorkingDays working days from allocation to a completed assessment (default 20)
 * @param firstReviewWeeks weeks from the assessment to the first review (default 6)
 * @param reviewEveryMonths months between later reviews (default 3)
 * @param driftWeeks weeks without a contact after which an open case drifts (default 4)
 * @param oversightWeeks weeks without a recorded supervision after which an open case drifts
 *     (default 6)
 * @param reReferralMonths a request this soon after closure is a re-referral (default 12)
 * @param closedCaseReadDays how long after a case closes its lead and team may still read the
 *     family's record, read only (default 90)
 * @param referrerDetailsDays how long after a request is decided its referrer still sees why it
 *     was decided so and who leads the early help (default 90)
 */
@ConfigurationProperties("earlyhelp.referrals")
public record ReferralsProperties(
        @Nullable Integer decisionWorkingDays,
        @Nullable Integer assessmentWorkingDays,
        @Nullable Integer firstReviewWeeks,
        @Nullable Integer reviewEveryMonths,
        @Nullable Integer driftWeeks,
        @Nullable Integer oversightWeeks,
        @Nullable Integer reReferralMonths,
        @Nullable Integer closedCaseReadDays,
        @Nullable Integer referrerDetailsDays) {

    public int decisionDays() {
        return decisionWorkingDays == null ? 1 : decisionWorkingDays;
    }

    public int assessmentDays() {
        return assessmentWorkingDays == null ? 20 : assessmentWorkingDays;
    }

    public int firstReview() {
        return firstReviewWeeks == null ? 6 : firstReviewWeeks;
    }

    public int reviewEvery() {
        return reviewEveryMonths == null ? 3 : reviewEveryMonths;
    }

    public int drift() {
        return driftWeeks == null ? 4 : driftWeeks;
    }

    public int oversight() {
        return oversightWeeks == null ? 6 : oversightWeeks;
    }

    public int reReferral() {
        return reReferralMonths == null ? 12 : reReferralMonths;
    }

    public int closedCaseGraceDays() {
        return closedCaseReadDays == null ? 90 : closedCaseReadDays;
    }

    public int referrerDetails() {
        return referrerDetailsDays == null ? 90 : referrerDetailsDays;
    }
}
