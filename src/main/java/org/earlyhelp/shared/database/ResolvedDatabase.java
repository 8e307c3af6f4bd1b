package org.earlyhelp.shared.database;

import org.jspecify.annotations.Nullable;

/**
 * A database the application can use.
 *
 * @param url the JDBC URL
 * @param username the role
 * @param password its password, or {@code null} where the server trusts the role
 * @param source how it was found, for the start-up log
 */
public record ResolvedDatabase(
        String url, String username, @Nullable String password, String source) {}
