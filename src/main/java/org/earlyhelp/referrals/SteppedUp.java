package org.earlyhelp.referrals;

import java.time.Instant;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/** Published when a family was stepped up to children's social care, from a request or a case. */
public record SteppedUp(RequestId request, @Nullable CaseId caseId, HubId hub, Instant at) {}
