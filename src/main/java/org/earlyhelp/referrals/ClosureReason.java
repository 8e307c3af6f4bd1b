package org.earlyhelp.referrals;

/** Why a family's early help ended. */
public enum ClosureReason {
    NEEDS_MET,
    STEPPED_UP,
    CONSENT_WITHDRAWN,
    MOVED_AWAY,
    DISENGAGED
}
