package org.earlyhelp.quality;

/** Where a case file audit has got to, and whose turn it is. */
public enum AuditStage {
    /** The auditor reads the case and grades each domain with evidence. */
    AUDIT,
    /** The lead practitioner adds their reflection. */
    REFLECTION,
    /** A hub lead from another hub agrees each grade or changes it with a reason. */
    MODERATION,
    /** Moderated: the grades stand; its actions are followed up. */
    DONE
}
