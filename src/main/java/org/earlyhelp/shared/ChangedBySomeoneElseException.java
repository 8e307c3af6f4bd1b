package org.earlyhelp.shared;

/** Someone else changed the record since it was read: nothing was saved; reload and try again. */
public class ChangedBySomeoneElseException extends RuntimeException {

    private final Message said;

    /** @param what the record, as the sentence's subject ("This family's record") */
    public ChangedBySomeoneElseException(Message what) {
        super(new Message("shared.changed-by-someone-else", what).english());
        this.said = new Message("shared.changed-by-someone-else", what);
    }

    /** What happened, for a page to say in the person's language (the record's name in it too). */
    public Message said() {
        return said;
    }
}
