package org.earlyhelp.shared.database;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether something failed because no database connection could be had: the database is down,
 * refusing connections, or every pooled connection is busy. Nothing was saved then (a transaction
 * that cannot start, or loses its connection, writes nothing), so what a person entered can be sent
 * again once the database answers.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /** Whether the failure, or anything that caused it, is the database being unavailable. */
    public static boolean caused(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
