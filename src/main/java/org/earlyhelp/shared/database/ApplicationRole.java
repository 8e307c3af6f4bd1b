package org.earlyhelp.shared.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login the application connects as, apart from the role that owns the schemas and runs the
 * migrations: it owns nothing, may read and write the modules' tables, and may not update, delete
 * or truncate the audit log, alter a table or switch a trigger off; it is not a member of the
 * owner, so it cannot become the owner ({@code SET ROLE}, {@code RESET ROLE}). Flyway keeps the
 * owner's connection.
 *
 * <p>Where the owner may not create the login (a managed database with a plain owner), create it
 * once as an administrator ({@code docs/security.md}) and give its password in {@code
 * EARLYHELP_DB_APPPASSWORD}; until then the application says so in the log and works as the owner
 * (the production profile refuses the development password).
 */
final class ApplicationRole {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRole.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private ApplicationRole() {}

    /**
     * Makes sure the role exists and the owner may switch to it.
     *
     * @return whether connections can work as the role
     */
    static boolean prepare(ResolvedDatabase database, String role, String password) {
        if (role.isBlank()) {
            return false;
        }
        if (!NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("earlyhelp.db.app-role must be a plain lower-case role name: " + role);
        }
        if (role.equals(database.username())) {
            throw new IllegalArgumentException("The application's login (earlyhelp.db.app-role) must not be the"
                    + " schemas' owner (" + database.username() + ")");
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Connection c = DatabaseResolver.connect(database.url(), database.username(), database.password());
                Statement s = c.createStatement()) {
            // Roles belong to the whole server: several applications (or test runs) may race here.
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD "
                    + quotedPassword + "; END IF; "
                    + "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            try {
                s.execute(
                        "ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + quotedPassword);
            } catch (SQLException notAllowed) {
                // Created by an administrator, who keeps its password: it is given in the settings.
                log.debug("Could not set the password of {}: {}", role, notAllowed.getMessage());
            }
        } catch (SQLException e) {
            log.warn("The role {} could not be created ({}): see docs/security.md.", role, e.getMessage());
        }
        try (Connection app = DatabaseResolver.connect(database.url(), role, password)) {
            return true;
        } catch (SQLException e) {
            log.warn(
                    "The application works as the schemas' owner: it cannot sign in as {} ({}). The audit log is"
                            + " still protected by its triggers; see docs/security.md to create the login.",
                    role,
                    e.getMessage());
            return false;
        }
    }

    /**
     * Grants the role what the application needs on every schema the owner has, after the
     * migrations: everything on the tables but updating, deleting or truncating the audit log.
     */
    static void grant(Connection owner, String role) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement s = owner.createStatement();
                ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspowner = "
                        + "(SELECT oid FROM pg_roles WHERE rolname = current_user) AND nspname NOT LIKE 'pg\\_%'"
                        + " AND nspname <> 'information_schema' ORDER BY nspname")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        try (Statement s = owner.createStatement()) {
            for (String schema : schemas) {
                String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
                s.execute("GRANT USAGE ON SCHEMA " + quoted + " TO " + role);
                s.execute("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES ON ALL TABLES IN SCHEMA " + quoted
                        + " TO " + role);
                s.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + quoted + " TO " + role);
                s.execute("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + quoted + " TO " + role);
            }
            if (schemas.contains("audit")) {
                s.execute("REVOKE UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA audit FROM " + role);
            }
        }
        log.info("The application works as {}: it may not update, delete or truncate the audit log", role);
    }
}
