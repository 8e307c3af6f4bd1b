package org.earlyhelp.referrals;

/** What kind of contact with a family was logged. */
public enum ContactKind {
    HOME_VISIT,
    SESSION,
    GROUP_SESSION,
    PHONE_CALL,
    VIDEO_CALL,
    MEETING,
    MESSAGE
}
