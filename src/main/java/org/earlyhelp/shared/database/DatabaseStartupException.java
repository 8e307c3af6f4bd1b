package org.earlyhelp.shared.database;

/**
 * Thrown at start-up when no usable database can be found; carries a short description of the
 * problem and what to do about it, printed instead of a stack trace.
 */
public class DatabaseStartupException extends RuntimeException {

    private final String action;

    public DatabaseStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public DatabaseStartupException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
