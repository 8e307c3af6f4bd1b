package org.earlyhelp.referrals;

/** How an action in a family's plan is going. */
public enum ActionStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    DROPPED
}
