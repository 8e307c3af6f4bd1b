package org.earlyhelp.voice;

/** How much of who they are a young person chooses to share. */
public enum Mode {
    /** Nobody knows who said it. The default. */
    ANONYMOUS,
    /** Their name is sealed: only a safeguarding lead can open it, with a reason, and it is recorded. */
    PSEUDONYMOUS,
    /** Their first name goes with it, to their worker. */
    NAMED
}
