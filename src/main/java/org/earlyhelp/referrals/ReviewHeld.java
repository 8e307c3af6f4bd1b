package org.earlyhelp.referrals;

import java.time.Instant;
import java.time.LocalDate;
import org.earlyhelp.shared.HubId;

/** Published when a plan review has been held; the next one is then due. */
public record ReviewHeld(CaseId caseId, HubId hub, Instant heldAt, LocalDate nextReviewDue) {}
