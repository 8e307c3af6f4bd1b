package org.earlyhelp.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published when a family's record has been erased under the retention rule: every module erases
 * what it holds about these requests and cases (the feedback and invitations of the cases, the
 * dashboards' names). It names no family and nobody, so that it can be kept.
 *
 * @param requests the erased family's requests
 * @param cases the erased family's cases
 */
public record RecordsErased(List<UUID> requests, List<UUID> cases, Instant at) {}
