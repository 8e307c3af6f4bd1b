package org.earlyhelp.voice;

/** How children and young people are asked. */
public enum EngagementMethod {
    SURVEY,
    FOCUS_GROUP,
    WORKSHOP,
    INTERVIEWS,
    YOUTH_COUNCIL,
    FEEDBACK_FORM,
    OTHER
}
