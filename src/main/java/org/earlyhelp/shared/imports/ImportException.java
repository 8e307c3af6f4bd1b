package org.earlyhelp.shared.imports;

/** A file that cannot be read at all (not a row problem): the message says why in plain words. */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }
}
