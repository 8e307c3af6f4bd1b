package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.HubId;

/**
 * Published when a family's early help has ended.
 *
 * @param needs how many needs the plan had
 * @param needsAchieved how many of them were achieved at closure
 */
public record CaseClosed(
        CaseId caseId, HubId hub, Instant closedAt, ClosureReason reason, int needs, int needsAchieved) {}
