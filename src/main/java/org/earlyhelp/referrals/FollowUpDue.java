package org.earlyhelp.referrals;

import java.time.LocalDate;

/** A check after closing that is due (or overdue), with the family it is about ({@link Cases#followUpsDue}). */
public record FollowUpDue(CaseId caseId, String familyLabel, int months, LocalDate due, boolean overdue) {}
