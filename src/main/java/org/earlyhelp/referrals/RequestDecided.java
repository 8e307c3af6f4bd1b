package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.HubId;

/** Published when a hub has decided a request for support. */
public record RequestDecided(
        RequestId request, HubId hub, Instant decidedAt, NeedLevel level, DecisionOutcome outcome) {}
