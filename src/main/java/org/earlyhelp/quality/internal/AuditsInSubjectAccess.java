package org.earlyhelp.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.earlyhelp.quality.CaseAudit;
import org.earlyhelp.shared.security.CaseRecordsElsewhere;
import org.springframework.stereotype.Component;

/** A case's file audits, for the family's subject access export: grades, evidence, reflection, actions. */
@Component
class AuditsInSubjectAccess implements CaseRecordsElsewhere {

    private final CaseAuditRepository audits;

    AuditsInSubjectAccess(CaseAuditRepository audits) {
        this.audits = audits;
    }

    @Override
    public List<String> aboutCase(UUID caseId) {
        List<String> lines = new ArrayList<>();
        for (UUID id : audits.idsOfCase(caseId)) {
            CaseAudit a = audits.find(id).orElseThrow();
            lines.add("Case file audit of " + a.month() + " by " + a.auditorName() + " (" + a.auditorOrganisation()
                    + "), moderated by " + a.moderatorName() + ": "
                    + a.stage().name().toLowerCase(Locale.ROOT));
            for (CaseAudit.DomainGrade g : a.grades()) {
                lines.add("  " + g.domain() + ": " + g.grade().key() + " (" + g.evidence() + ")"
                        + (g.moderated() == null
                                ? ""
                                : "; moderated to " + g.moderated().key() + ": " + g.reason()));
            }
            if (a.reflection() != null) {
                lines.add("  The lead practitioner's reflection: " + a.reflection());
            }
            for (CaseAudit.Action x : a.actions()) {
                lines.add("  Action: " + x.action() + " (" + x.ownerName() + ", by " + x.dueOn()
                        + (x.doneAt() == null ? "" : ", done") + ")");
            }
        }
        return lines;
    }
}
