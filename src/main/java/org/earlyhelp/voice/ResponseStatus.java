package org.earlyhelp.voice;

/** How a "you said, we did" response is going. */
public enum ResponseStatus {
    HEARD,
    IN_PROGRESS,
    DONE,
    NOT_POSSIBLE
}
