package org.earlyhelp.quality.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.shared.security.CaseReadGrants;
import org.springframework.stereotype.Component;

/**
 * A case file auditor's read of the case they audit: while the audit waits for their grades, and
 * until its read ends (a few days after it is due); grading ends it at once.
 */
@Component
class AuditReadGrants implements CaseReadGrants {

    private final CaseAuditRepository audits;

    AuditReadGrants(CaseAuditRepository audits) {
        this.audits = audits;
    }

    @Override
    public Optional<Instant> readableUntil(UUID caseId, String username) {
        return audits.readUntil(caseId, username);
    }
}
