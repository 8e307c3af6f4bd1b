package org.earlyhelp.referrals;

import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.shared.HubId;

/** What a practitioner is told once their request for support is saved. */
public record Submitted(
        UUID request, UUID family, HubId hub, String hubName, Instant decisionDue, boolean reReferral) {}
