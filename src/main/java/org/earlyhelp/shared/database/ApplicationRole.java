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
 * The database role the application works as, apart from the role that owns the schemas and runs
 * the migrations: it may read and write the modules' tables but may not update, delete or truncate
 * the audit log. Every pooled connection switches to it ({@code SET ROLE}) when it is opened;
 * Flyway keeps the owner's connection.
 *
 * <p>Where the owner may not create roles or grant itself membership (a managed database with a
 * plain owner), the application says so in the log and works as the owner, with the audit log
 * still protected by its triggers: create the role as described in {@code docs/security.md}.
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
    static boolean prepare(ResolvedDatabase database, String role) {
        if (role.isBlank()) {
            return false;
        }
        if (!NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("earlyhelp.db.app-role must be a plain lower-case role name: " + role);
        }
        try (Connection c = DatabaseResolver.connect(database.url(), database.username(), database.password());
                Statement s = c.createStatement()) {
            // Roles belong to the whole server: several applications (or test runs) may race here.
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + role + " NOLOGIN; END IF; "
                    + "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            if (!canSwitch(s, role)) {
                s.execute("GRANT " + role + " TO CURRENT_USER");
            }
            return canSwitch(s, role);
        } catch (SQLException e) {
            log.warn(
                    "The application works as the schemas' owner: the role {} could not be prepared ({}). The audit"
                            + " log is still protected by its triggers; see docs/security.md to create the role.",
                    role,
                    e.getMessage());
            return false;
        }
    }

    private static boolean canSwitch(Statement s, String role) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_has_role(current_user, '" + role + "', 'MEMBER')"
                + " OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
            return rs.next() && rs.getBoolean(1);
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
