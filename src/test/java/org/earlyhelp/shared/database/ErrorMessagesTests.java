package org.earlyhelp.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a refused row leaves in an exception's message, on the application's own pool: what failed
 * and on which constraint, never the row's values (PostgreSQL's "Failing row contains (...)" or
 * "Key (...)=(...) already exists"), which would carry a child's words into the log.
 */
@OwnDataApplicationTest
class ErrorMessagesTests {

    static final String WORDS = "I am scared of going home";

    @Autowired
    DataSource dataSource;

    @Test
    void aRowTheDatabaseRefusesIsNamedWithoutItsValues() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE said (words text UNIQUE CHECK (length(words) < 30))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO said VALUES (?)")) {
                insert.setString(1, WORDS);
                insert.executeUpdate();

                // The same words again: a unique key refused.
                assertThat(messages(catchThrowable(insert::executeUpdate)))
                        .anySatisfy(m -> assertThat(m).contains("duplicate key value violates unique constraint"))
                        .noneSatisfy(m -> assertThat(m).contains("scared"));

                // Words too long: a check refused.
                insert.setString(1, WORDS + ", because of what happens there");
                assertThat(messages(catchThrowable(insert::executeUpdate)))
                        .anySatisfy(m -> assertThat(m).contains("violates check constraint"))
                        .noneSatisfy(m -> assertThat(m).contains("scared"));
            }
        }
    }

    private static List<String> messages(Throwable thrown) {
        assertThat(thrown).as("the database refused the row").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }
}
