package org.earlyhelp.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the database, in this order: explicit settings ({@code SPRING_DATASOURCE_*} or {@code
 * EARLYHELP_DB_*}); PostgreSQL on localhost:5432, creating the {@code earlyhelp} database if it is
 * missing and the role may; an embedded PostgreSQL whose data lives under the user's home.
 */
class DatabaseResolver {

    private static final Logger log = LoggerFactory.getLogger(DatabaseResolver.class);
    private static final Pattern JDBC_URL =
            Pattern.compile("jdbc:postgresql://(?<server>[^/?]+)/(?<db>[^?]*)(?<params>\\?.*)?");
    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    private final DatabaseProperties properties;
    private final @Nullable String springUrl;
    private final @Nullable String springUsername;
    private final @Nullable String springPassword;
    private @Nullable EmbeddedPostgres embedded;

    DatabaseResolver(
            DatabaseProperties properties,
            @Nullable String springUrl,
            @Nullable String springUsername,
            @Nullable String springPassword) {
        this.properties = properties;
        this.springUrl = springUrl;
        this.springUsername = springUsername;
        this.springPassword = springPassword;
    }

    /** The embedded server started by {@link #resolve()}, if one was. */
    @Nullable
    EmbeddedPostgres embedded() {
        return embedded;
    }

    ResolvedDatabase resolve() {
        if (springUrl != null && !springUrl.isBlank()) {
            return checked(new ResolvedDatabase(
                    springUrl, orDefault(springUsername, systemUser()), springPassword, "spring.datasource.url"));
        }
        if (properties.url() != null && !properties.url().isBlank()) {
            return checked(new ResolvedDatabase(
                    properties.url(),
                    orDefault(properties.username(), systemUser()),
                    properties.password(),
                    "earlyhelp.db.url"));
        }
        List<String> reasons = new ArrayList<>();
        ResolvedDatabase local = tryLocalServer(reasons);
        if (local != null) {
            return local;
        }
        return startEmbedded(reasons);
    }

    /** Connects once so that a wrong password or a server that is down is reported plainly. */
    private ResolvedDatabase checked(ResolvedDatabase database) {
        try (Connection ignored = connect(database.url(), database.username(), database.password())) {
            return database;
        } catch (SQLException e) {
            throw explain(database, e);
        }
    }

    private @Nullable ResolvedDatabase tryLocalServer(List<String> reasons) {
        String server = properties.localHostOrDefault() + ":" + properties.localPortOrDefault();
        Set<String> candidates = new LinkedHashSet<>();
        if (properties.username() != null) {
            candidates.add(properties.username());
        }
        candidates.add(systemUser());
        candidates.add("postgres");
        for (String username : candidates) {
            String maintenanceUrl = "jdbc:postgresql://" + server + "/postgres";
            try (Connection connection = connect(maintenanceUrl, username, properties.password())) {
                String name = properties.nameOrDefault();
                if (!databaseExists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + quote(name));
                        log.info("Created database {} on {} as {}", name, server, username);
                    } catch (SQLException e) {
                        reasons.add("role " + username + " may not create database " + name + " on " + server);
                        continue;
                    }
                }
                return new ResolvedDatabase(
                        "jdbc:postgresql://" + server + "/" + name,
                        username,
                        properties.password(),
                        "PostgreSQL on " + server);
            } catch (SQLException e) {
                reasons.add("could not sign in to " + server + " as " + username + " (" + firstLine(e) + ")");
                if ("08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState()) && isRefused(e)) {
                    break;
                }
            }
        }
        return null;
    }

    private ResolvedDatabase startEmbedded(List<String> reasons) {
        String tried = String.join("; ", reasons);
        if (!properties.embeddedEnabledOrDefault()) {
            throw new DatabaseStartupException(
                    "No database could be reached: " + tried + ", and the embedded PostgreSQL is switched off.",
                    "Start PostgreSQL on localhost:5432, or set EARLYHELP_DB_URL, EARLYHELP_DB_USERNAME and"
                            + " EARLYHELP_DB_PASSWORD (or SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD).");
        }
        if ("root".equals(systemUser())) {
            throw new DatabaseStartupException(
                    "No PostgreSQL could be used on localhost (" + tried + "), and the embedded PostgreSQL"
                            + " cannot start because this process runs as root: PostgreSQL refuses to run as root.",
                    "Run the application as an ordinary user (the embedded database then starts by itself), or"
                            + " start PostgreSQL on localhost:5432 with a role that may create databases (on"
                            + " Debian: pg_ctlcluster <version> main start), or point the application at a database"
                            + " with EARLYHELP_DB_URL, EARLYHELP_DB_USERNAME and EARLYHELP_DB_PASSWORD.");
        }
        try {
            Files.createDirectories(properties.embeddedDataDirOrDefault());
            log.info(
                    "No PostgreSQL on localhost ({}); starting the embedded PostgreSQL with its data in {}",
                    tried,
                    properties.embeddedDataDirOrDefault());
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(properties.embeddedDataDirOrDefault())
                    .setCleanDataDirectory(false)
                    .setPort(properties.embeddedPortOrDefault())
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new DatabaseStartupException(
                    "The embedded PostgreSQL did not start: " + firstLine(e),
                    "Check that " + properties.embeddedDataDirOrDefault() + " is writable and port "
                            + properties.embeddedPortOrDefault() + " is free (set EARLYHELP_DB_EMBEDDED_PORT to"
                            + " change it), or point the application at a database with EARLYHELP_DB_URL.",
                    e);
        }
        String url = embedded.getJdbcUrl("postgres", "postgres");
        ResolvedDatabase server = new ResolvedDatabase(url, "postgres", null, "embedded PostgreSQL");
        try (Connection connection = connect(url, "postgres", null)) {
            String name = properties.nameOrDefault();
            if (!databaseExists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + quote(name));
                }
            }
            return new ResolvedDatabase(withDatabase(url, name), "postgres", null, "embedded PostgreSQL");
        } catch (SQLException e) {
            throw explain(server, e);
        }
    }

    static String withDatabase(String url, String database) {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new DatabaseStartupException(
                    "The database URL " + url + " is not a PostgreSQL JDBC URL.",
                    "Use the form jdbc:postgresql://host:5432/earlyhelp");
        }
        String params = m.group("params") == null ? "" : m.group("params");
        return "jdbc:postgresql://" + m.group("server") + "/" + database + params;
    }

    private static boolean databaseExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    static Connection connect(String url, String username, @Nullable String password) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", username);
        if (password != null) {
            info.setProperty("password", password);
        }
        info.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        info.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, info);
    }

    static DatabaseStartupException explain(ResolvedDatabase database, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = database.url() + " (from " + database.source() + ")";
        if (state.equals("28P01") || state.equals("28000")) {
            return new DatabaseStartupException(
                    "PostgreSQL at " + where + " refused the role " + database.username() + ": " + firstLine(e),
                    "Check the user name and password: EARLYHELP_DB_USERNAME and EARLYHELP_DB_PASSWORD (or"
                            + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD).",
                    e);
        }
        if (state.equals("3D000")) {
            return new DatabaseStartupException(
                    "The database named in " + where + " does not exist.",
                    "Create it (createdb earlyhelp), or remove the database settings to let the application find"
                            + " or create one itself.",
                    e);
        }
        if (state.startsWith("08")) {
            return new DatabaseStartupException(
                    "PostgreSQL at " + where + " cannot be reached: " + firstLine(e),
                    "Start PostgreSQL there, or correct the host and port in EARLYHELP_DB_URL or"
                            + " SPRING_DATASOURCE_URL.",
                    e);
        }
        return new DatabaseStartupException(
                "PostgreSQL at " + where + " could not be used: " + firstLine(e),
                "Check the database settings (EARLYHELP_DB_* or SPRING_DATASOURCE_*).",
                e);
    }

    private static boolean isRefused(SQLException e) {
        return String.valueOf(e.getMessage()).toLowerCase().contains("refused");
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String systemUser() {
        return System.getProperty("user.name", "postgres");
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
