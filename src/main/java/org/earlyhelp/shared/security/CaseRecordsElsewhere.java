package org.earlyhelp.shared.security;

import java.util.List;
import java.util.UUID;

/**
 * What another module holds about a family's case (a case file audit's grades, evidence,
 * reflection and actions), for the family's subject access export: the referrals module writes
 * the export and asks every implementation, so that nothing held about the family is left out.
 */
public interface CaseRecordsElsewhere {

    /** Lines of text about this case, in the order to show them; empty when there are none. */
    List<String> aboutCase(UUID caseId);
}
