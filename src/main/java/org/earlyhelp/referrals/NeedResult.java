package org.earlyhelp.referrals;

/** What became of one need when the family's early help closed. */
public enum NeedResult {
    ACHIEVED,
    PARTLY_ACHIEVED,
    NOT_ACHIEVED;
}
