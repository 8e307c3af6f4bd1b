package org.earlyhelp.referrals;

/** What the hub decided to do with a request for support. */
public enum DecisionOutcome {
    ADVICE,
    UNIVERSAL_SERVICE,
    EARLY_HELP,
    STEP_UP,
    NO_FURTHER_ACTION
}
