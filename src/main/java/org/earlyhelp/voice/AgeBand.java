package org.earlyhelp.voice;

/** Which form a young person or parent sees: the words and pictures fit the age. */
public enum AgeBand {
    /** 4 to 7, in pictures, usually with a trusted adult. */
    PICTURES,
    /** 8 to 12. */
    CHILD,
    /** 13 to 17, and care leavers. */
    TEEN,
    /** Parents and carers. */
    PARENT
}
