package org.earlyhelp.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;

/** Finding the database: against the real PostgreSQL on localhost, and the ways it can go wrong. */
class DatabaseResolverTests {

    private static DatabaseProperties properties(Integer localPort, Boolean embedded, Path dataDir) {
        return new DatabaseProperties(null, null, null, null, localPort, null, embedded, dataDir, null);
    }

    @Test
    void theTestsFindTheLocalServerWithoutCreatingTheApplicationsDatabase() {
        assertThat(FreshDatabases.server(new StandardEnvironment()).url())
                .isEqualTo("jdbc:postgresql://localhost:5432/postgres");
    }

    @Test
    void theApplicationsDatabaseIsCreatedWhenTheLocalServerLacksIt() throws SQLException {
        String name = "earlyhelp_resolver_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ResolvedDatabase database = new DatabaseResolver(
                        new DatabaseProperties(null, null, null, null, null, name, false, null, null), null, null, null)
                .resolve();
        try (Connection connection =
                DatabaseResolver.connect(database.url(), database.username(), database.password())) {
            assertThat(database.url()).isEqualTo("jdbc:postgresql://localhost:5432/" + name);
            assertThat(connection.isValid(2)).isTrue();
        } finally {
            FreshDatabases.drop(database);
        }
    }

    @Test
    void aFreshTestDatabaseIsCreatedOnTheLocalServerAndDroppedAfterwards() throws SQLException {
        ResolvedDatabase database = FreshDatabases.create(FreshDatabases.server(new StandardEnvironment()));
        assertThat(database.url()).matches("jdbc:postgresql://localhost:5432/earlyhelp_test_[0-9a-f]{16}");
        try (Connection connection =
                DatabaseResolver.connect(database.url(), database.username(), database.password())) {
            assertThat(connection.isValid(2)).isTrue();
        }
        FreshDatabases.drop(database);
        assertThatThrownBy(() -> DatabaseResolver.connect(database.url(), database.username(), database.password())
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void explicitSettingsWinOverTheLocalServer() {
        ResolvedDatabase database = new DatabaseResolver(
                        properties(null, false, null), "jdbc:postgresql://localhost:5432/postgres", null, null)
                .resolve();
        assertThat(database.url()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
        assertThat(database.source()).isEqualTo("spring.datasource.url");
    }

    @Test
    void anUnreachableServerIsNamedWithTheFix() throws IOException {
        int closed = closedPort();
        DatabaseResolver resolver = new DatabaseResolver(
                new DatabaseProperties(
                        "jdbc:postgresql://localhost:" + closed + "/earlyhelp",
                        "earlyhelp",
                        "secret",
                        null,
                        null,
                        null,
                        false,
                        null,
                        null),
                null,
                null,
                null);
        assertThatThrownBy(resolver::resolve)
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("cannot be reached")
                .satisfies(
                        e -> assertThat(((DatabaseStartupException) e).action()).contains("EARLYHELP_DB_URL"));
    }

    @Test
    void aRefusedPasswordNamesTheSettingsToFix() {
        DatabaseStartupException e = DatabaseResolver.explain(
                new ResolvedDatabase("jdbc:postgresql://db:5432/earlyhelp", "earlyhelp", "wrong", "earlyhelp.db.url"),
                new SQLException("FATAL: password authentication failed for user \"earlyhelp\"", "28P01"));
        assertThat(e.getMessage()).contains("refused the role earlyhelp");
        assertThat(e.action()).contains("EARLYHELP_DB_PASSWORD", "SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void noLocalServerFallsBackToEmbeddedOrExplainsWhyItCannot() throws IOException {
        Path dataDir = Files.createTempDirectory("earlyhelp-embedded");
        DatabaseResolver resolver = new DatabaseResolver(properties(closedPort(), true, dataDir), null, null, null);
        if ("root".equals(System.getProperty("user.name"))) {
            assertThatThrownBy(resolver::resolve)
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining("runs as root")
                    .satisfies(e -> assertThat(((DatabaseStartupException) e).action())
                            .contains("ordinary user", "EARLYHELP_DB_URL"));
        } else {
            ResolvedDatabase database = resolver.resolve();
            try {
                assertThat(database.source()).isEqualTo("embedded PostgreSQL");
                assertThat(dataDir.resolve("PG_VERSION")).exists();
            } finally {
                resolver.embedded().close();
            }
        }
    }

    @Test
    void aDatabaseProblemIsReportedWithoutAStackTrace() {
        FailureAnalysis analysis = new DatabaseFailureAnalyzer()
                .analyze(new IllegalStateException(
                        "wrapped", new DatabaseStartupException("PostgreSQL is down", "Start it")));
        assertThat(analysis.getDescription()).isEqualTo("PostgreSQL is down");
        assertThat(analysis.getAction()).isEqualTo("Start it");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
