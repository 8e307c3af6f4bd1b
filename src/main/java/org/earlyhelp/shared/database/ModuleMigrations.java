package org.earlyhelp.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Migrates each module separately: {@code db/migration/__root} first (the event registry), then
 * every {@code db/migration/<module>} folder with its own history table {@code
 * flyway_schema_history_<module>}, the same layout as Spring Modulith's module-aware Flyway,
 * without scanning the classes at start-up (see docs/adr/0004).
 */
@Component
class ModuleMigrations implements FlywayMigrationStrategy {

    static final String ROOT = "__root";
    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);
    private static final Pattern MODULE_FOLDER = Pattern.compile(".*/db/migration/([a-z_][a-z0-9_]*)/[^/]+\\.sql$");

    private final DatabaseConfiguration.ManagedDatabase database;

    ModuleMigrations(DatabaseConfiguration.ManagedDatabase database) {
        this.database = database;
    }

    @Override
    public void migrate(Flyway flyway) {
        for (String module : modules()) {
            boolean root = module.equals(ROOT);
            Flyway moduleFlyway = Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .locations("classpath:db/migration/" + module)
                    .table(root ? "flyway_schema_history" : "flyway_schema_history_" + module)
                    .baselineOnMigrate(!root)
                    .baselineVersion("0")
                    .load();
            int applied = moduleFlyway.migrate().migrationsExecuted;
            if (applied > 0) {
                log.info("Applied {} migration(s) of module {}", applied, module);
            }
        }
        if (!database.role().isEmpty()) {
            try (Connection owner = flyway.getConfiguration().getDataSource().getConnection()) {
                ApplicationRole.grant(owner, database.role());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not grant the application's role its rights", e);
            }
        }
    }

    /** The modules with migrations, the root first, then by name. */
    static List<String> modules() {
        TreeSet<String> found = new TreeSet<>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*.sql")) {
                Matcher m = MODULE_FOLDER.matcher(resource.getURL().toString());
                if (m.matches()) {
                    found.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> ordered = new ArrayList<>();
        if (found.remove(ROOT)) {
            ordered.add(ROOT);
        }
        ordered.addAll(found);
        return ordered;
    }
}
