package org.earlyhelp.referrals;

import java.time.Instant;
import java.util.UUID;
import org.earlyhelp.shared.HubId;

/** Published when a visit, session or call with a family has been logged. */
public record ContactLogged(UUID contact, CaseId caseId, HubId hub, Instant at, boolean childSeen) {}
