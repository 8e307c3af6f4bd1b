package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.earlyhelp.shared.HubId;

/** Published when a hub lead has recorded a case's supervision (management oversight). */
public record CaseSupervised(UUID supervision, CaseId caseId, HubId hub, LocalDate heldOn, Instant at) {}
