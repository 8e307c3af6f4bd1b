package org.earlyhelp.shared.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. Every field is optional: see {@link DatabaseResolver} for the order in
 * which the places are tried.
 *
 * @param url a JDBC URL; set with {@code EARLYHELP_DB_URL}
 * @param username the role to sign in as; set with {@code EARLYHELP_DB_USERNAME}
 * @param password its password; set with {@code EARLYHELP_DB_PASSWORD}
 * @param localHost the host probed when no URL is given
 * @param localPort the port probed when no URL is given
 * @param name the database created and used on the local server
 * @param embeddedEnabled whether to fall back to an embedded PostgreSQL
 * @param embeddedDataDir where the embedded PostgreSQL keeps its data between starts
 * @param embeddedPort the port of the embedded PostgreSQL
 */
@ConfigurationProperties("earlyhelp.db")
public record DatabaseProperties(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String localHost,
        @Nullable Integer localPort,
        @Nullable String name,
        @Nullable Boolean embeddedEnabled,
        @Nullable Path embeddedDataDir,
        @Nullable Integer embeddedPort) {

    String localHostOrDefault() {
        return localHost == null ? "localhost" : localHost;
    }

    int localPortOrDefault() {
        return localPort == null ? 5432 : localPort;
    }

    String nameOrDefault() {
        return name == null ? "earlyhelp" : name;
    }

    boolean embeddedEnabledOrDefault() {
        return embeddedEnabled == null || embeddedEnabled;
    }

    Path embeddedDataDirOrDefault() {
        return embeddedDataDir != null
                ? embeddedDataDir
                : Path.of(System.getProperty("user.home"), ".earlyhelp", "postgres");
    }

    int embeddedPortOrDefault() {
        return embeddedPort == null ? 54329 : embeddedPort;
    }
}
