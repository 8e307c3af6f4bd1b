package org.earlyhelp.voice;

/** Who an invitation is for. */
public enum InvitationKind {
    /** One child or family on a case. */
    CASE,
    /** The people at one group session. */
    GROUP,
    /** Anyone in the hub's area, for a campaign. */
    CAMPAIGN
}
