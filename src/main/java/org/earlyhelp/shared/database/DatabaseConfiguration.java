package org.earlyhelp.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The application's one data source, found by {@link DatabaseResolver}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    ManagedDatabase managedDatabase(DatabaseProperties properties, Environment environment) {
        DatabaseResolver resolver = new DatabaseResolver(
                properties,
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        ResolvedDatabase database = resolver.resolve();
        log.info("Using {} as {} ({})", database.url(), database.username(), database.source());
        return new ManagedDatabase(database, resolver.embedded(), environment);
    }

    @Bean
    @Primary
    DataSource dataSource(ManagedDatabase database) {
        return database.dataSource();
    }

    @Bean
    ConnectionPool connectionPool(ManagedDatabase database) {
        return new ConnectionPool(database);
    }

    /**
     * The database's health, for the readiness probe and the dependencies group, checked on a
     * connection of its own: when every pooled connection is busy with people's requests, the
     * check neither waits for one (up to the pool's 5 s, past a proxy's or Kubernetes' timeout,
     * which would take a busy instance out of rotation and lose its people's sessions) nor reports
     * a database that answers as down. A database that does not answer still fails it within 2 s.
     */
    @Bean
    HealthIndicator dbHealthIndicator(ManagedDatabase database) {
        return new DataSourceHealthIndicator(database.healthDataSource());
    }

    /**
     * Flyway's connections: the schemas' owner, unpooled, so that migrations (and the grants after
     * them) are not run as the application's role.
     */
    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(ManagedDatabase database) {
        return database.ownerDataSource();
    }

    /**
     * PostgreSQL's driver puts the server's detail of an error in the exception's message: for a
     * row the database refused, "Failing row contains (...)" with every value of the row, or "Key
     * (...)=(...) already exists", a child's words or a family's name among them. Those messages
     * reach the log (a failed save is logged with its reference), which is kept, shipped and read
     * apart from the records and is not erased with them. With this driver setting off, the message
     * still says what failed and on which constraint, without the values.
     */
    static final String SERVER_ERROR_DETAIL = "logServerErrorDetail";

    /** The application login's password where none is configured: for development and tests only. */
    static final String DEVELOPMENT_APP_PASSWORD = "earlyhelp-app-dev-password";

    /** How long the health check waits for its connection: well within a probe's 5 s. */
    static final long HEALTH_CONNECTION_TIMEOUT_MS = 2_000;

    /** Owns the pool and the embedded server, and closes them in order. */
    static final class ManagedDatabase implements DisposableBean {

        private final ResolvedDatabase database;
        private final @Nullable EmbeddedPostgres embedded;
        private final HikariDataSource dataSource;
        private final HikariDataSource healthDataSource;
        private final String role;

        ManagedDatabase(ResolvedDatabase database, @Nullable EmbeddedPostgres embedded, Environment env) {
            this.database = database;
            this.embedded = embedded;
            HikariConfig config = new HikariConfig();
            config.setPoolName("earlyhelp");
            config.setJdbcUrl(database.url());
            config.addDataSourceProperty(SERVER_ERROR_DETAIL, "false");
            config.setMaximumPoolSize(env.getProperty("earlyhelp.db.pool-size", Integer.class, 10));
            config.setConnectionTimeout(env.getProperty("earlyhelp.db.connection-timeout-ms", Long.class, 5_000L));
            // Fail fast is off: a database that goes away later must not stop the application.
            config.setInitializationFailTimeout(-1);
            String wanted = env.getProperty("earlyhelp.db.app-role", "earlyhelp_app");
            String password = env.getProperty("earlyhelp.db.app-password", DEVELOPMENT_APP_PASSWORD);
            this.role = ApplicationRole.prepare(database, wanted, password) ? wanted : "";
            if (!role.isEmpty()) {
                // The application signs in as its own login, never as the owner.
                config.setUsername(role);
                config.setPassword(password);
            } else {
                config.setUsername(database.username());
                if (database.password() != null) {
                    config.setPassword(database.password());
                }
            }
            HikariConfig health = new HikariConfig();
            config.copyStateTo(health);
            health.setPoolName("earlyhelp-health");
            health.setMaximumPoolSize(1);
            health.setConnectionTimeout(HEALTH_CONNECTION_TIMEOUT_MS);
            this.dataSource = new HikariDataSource(config);
            this.healthDataSource = new HikariDataSource(health);
        }

        /** The connection the health check uses, apart from the pool that serves people. */
        HikariDataSource healthDataSource() {
            return healthDataSource;
        }

        /** The database, as found. */
        ResolvedDatabase database() {
            return database;
        }

        HikariDataSource dataSource() {
            return dataSource;
        }

        /** The role pooled connections work as; empty when they work as the owner. */
        String role() {
            return role;
        }

        DataSource ownerDataSource() {
            DriverManagerDataSource owner = new DriverManagerDataSource(database.url());
            Properties quiet = new Properties();
            quiet.setProperty(SERVER_ERROR_DETAIL, "false");
            owner.setConnectionProperties(quiet);
            owner.setUsername(database.username());
            if (database.password() != null) {
                owner.setPassword(database.password());
            }
            return owner;
        }

        @Override
        public void destroy() throws IOException {
            healthDataSource.close();
            dataSource.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
