package org.earlyhelp.shared;

/** Someone else changed the record since it was read: nothing was saved; reload and try again. */
public class ChangedBySomeoneElseException extends RuntimeException {

    public ChangedBySomeoneElseException(String what) {
        super(what + " was changed by someone else while you were working. Nothing was saved: reload to see"
                + " their change, then try again.");
    }
}
