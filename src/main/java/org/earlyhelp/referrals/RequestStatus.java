package org.earlyhelp.referrals;

/** Where a request for support is on its way. */
public enum RequestStatus {
    /** Waiting for the hub's decision. */
    AWAITING_DECISION,
    /** Decided as early help in the hub; waiting for a lead practitioner. */
    AWAITING_ALLOCATION,
    /** Early help has a lead practitioner. */
    ALLOCATED,
    /** Decided as advice, a universal service or no further action. */
    DECIDED,
    /** Sent to children's social care. */
    STEPPED_UP
}
