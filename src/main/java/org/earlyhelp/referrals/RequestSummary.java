package org.earlyhelp.referrals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.jspecify.annotations.Nullable;

/**
 * A request for support as its referrer and the hub see it in lists: status and decision, not the
 * family's record.
 *
 * @param closedAs how the early help that came of it ended, once its case is closed
 */
public record RequestSummary(
        RequestId id,
        FamilyId family,
        String familyLabel,
        HubId hub,
        String hubName,
        String referrerName,
        @Nullable String referrerOrganisation,
        Instant submittedAt,
        Instant decisionDue,
        RequestStatus status,
        @Nullable NeedLevel level,
        @Nullable DecisionOutcome outcome,
        @Nullable String reasons,
        @Nullable Instant decidedAt,
        @Nullable String leadName,
        List<OutcomeArea> needs,
        boolean reReferral,
        boolean stepDown,
        boolean restricted,
        int version,
        @Nullable ClosureReason closedAs) {

    /** The same request, with its hub's name as the directory gives it today. */
    public RequestSummary withHubName(String name) {
        return with(name, reasons, leadName, closedAs);
    }

    /**
     * The request as its referrer sees it. They need to know that it arrived and how it was
     * decided; why, who leads the early help and how it ended only for a while: not once the
     * family has withdrawn consent, nor once {@code detailsFor} has passed since the decision.
     */
    public RequestSummary asItsReferrerSeesIt(Instant now, Duration detailsFor) {
        if (!restricted && (decidedAt == null || now.isBefore(decidedAt.plus(detailsFor)))) {
            return this;
        }
        return with(hubName, null, null, null);
    }

    private RequestSummary with(
            String hubName, @Nullable String reasons, @Nullable String leadName, @Nullable ClosureReason closedAs) {
        return new RequestSummary(
                id,
                family,
                familyLabel,
                hub,
                hubName,
                referrerName,
                referrerOrganisation,
                submittedAt,
                decisionDue,
                status,
                level,
                outcome,
                reasons,
                decidedAt,
                leadName,
                needs,
                reReferral,
                stepDown,
                restricted,
                version,
                closedAs);
    }

    /** Whether the decision is late (undecided past its due time). */
    public boolean overdue(Instant now) {
        return status == RequestStatus.AWAITING_DECISION && now.isAfter(decisionDue);
    }
}
