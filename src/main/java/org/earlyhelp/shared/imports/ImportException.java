package org.earlyhelp.shared.imports;

import org.earlyhelp.shared.Message;

/** A file that cannot be read at all (not a row problem): the message says why in plain words. */
public class ImportException extends RuntimeException {

    private final Message why;

    public ImportException(Message why) {
        super(why.english());
        this.why = why;
    }

    /** Why, for a page to say in the person's language. */
    public Message why() {
        return why;
    }
}
