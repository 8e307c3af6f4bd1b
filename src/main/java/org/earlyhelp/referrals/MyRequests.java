package org.earlyhelp.referrals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.RequestRepository;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A referrer's own requests for support, as they follow them: that each arrived and how it was
 * decided; why, and who leads the early help, only for a while after the decision and not once the
 * family has withdrawn consent ({@link RequestSummary#asItsReferrerSeesIt}). Each list read is
 * audited with the requests and families it showed.
 */
@Service
public class MyRequests {

    /** The most requests {@link #page} returns to one call. */
    public static final int MOST_PER_PAGE = 200;

    private final RequestsForSupport requestsForSupport;
    private final RequestRepository requests;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    MyRequests(
            RequestsForSupport requestsForSupport,
            RequestRepository requests,
            Access access,
            AuditTrail audit,
            Clock clock) {
        this.requestsForSupport = requestsForSupport;
        this.requests = requests;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The signed-in person's own requests, newest first: {@code limit} of them (1 to {@link
     * #MOST_PER_PAGE}) after skipping {@code offset}.
     *
     * @throws IllegalArgumentException for a larger page or a negative offset ({@link Paging})
     */
    @Transactional
    public List<RequestSummary> page(int offset, int limit) {
        CurrentUser user = access.worker();
        Paging.require(limit, offset, MOST_PER_PAGE);
        Instant now = clock.instant();
        Duration detailsFor = requestsForSupport.referrerSeesDetailsFor();
        List<RequestSummary> page =
                requestsForSupport.named(requests.requestsOf(user.username(), offset, limit)).stream()
                        .map(r -> r.asItsReferrerSeesIt(now, detailsFor))
                        .toList();
        if (!page.isEmpty()) {
            audit.record(
                    AuditAction.VIEW_STATUS,
                    "my-requests",
                    user.username(),
                    null,
                    null,
                    "requests "
                            + page.stream()
                                    .map(r -> r.id() + " (family " + r.family() + ")")
                                    .toList());
        }
        return page;
    }

    @Transactional(readOnly = true)
    public int count() {
        return requests.countRequestsOf(access.worker().username());
    }

    /** For how many days after a decision its referrer sees why and who leads. */
    public int detailsShownForDays() {
        access.worker();
        return (int) requestsForSupport.referrerSeesDetailsFor().toDays();
    }
}
