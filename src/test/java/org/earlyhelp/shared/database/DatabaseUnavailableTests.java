package org.earlyhelp.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean that no database connection could be had, and so that nothing was saved. */
class DatabaseUnavailableTests {

    @Test
    void noConnectionForATransactionOrAQueryIsTheDatabaseBeingUnavailable() {
        SQLTransientConnectionException timedOut = new SQLTransientConnectionException("request timed out");
        assertThat(DatabaseUnavailable.caused(
                        new CannotCreateTransactionException("Could not open JDBC Connection", timedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.caused(new CannotGetJdbcConnectionException("Failed", timedOut)))
                .isTrue();
    }

    @Test
    void itIsFoundAmongTheCausesOfAnotherFailure() {
        assertThat(DatabaseUnavailable.caused(
                        new IllegalStateException("while saving", new CannotGetJdbcConnectionException("Failed"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.caused(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseUnavailable.caused(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.caused(null)).isFalse();
    }
}
