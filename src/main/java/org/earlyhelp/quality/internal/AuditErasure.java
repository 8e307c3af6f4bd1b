package org.earlyhelp.quality.internal;

import org.earlyhelp.shared.events.RecordsErased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A family erased under the retention rule takes its cases' audits with it: the grades' evidence,
 * the reflection and the actions may say things about the family. The month's sample keeps its
 * counts.
 */
@Component
class AuditErasure {

    private final CaseAuditRepository audits;

    AuditErasure(CaseAuditRepository audits) {
        this.audits = audits;
    }

    @ApplicationModuleListener
    void on(RecordsErased erased) {
        audits.eraseCases(erased.cases());
    }
}
