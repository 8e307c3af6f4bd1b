package org.earlyhelp.voice;

/** The answer to "Do you feel safe?". */
public enum FeelSafe {
    YES,
    NOT_SURE,
    NO
}
