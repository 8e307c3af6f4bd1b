package org.earlyhelp.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A new, empty database for each application a test starts, when {@code earlyhelp.db.fresh=true}
 * (the build sets it for every test run): created on the server the application would have used
 * (found as it finds it), handed to the application as {@code spring.datasource.url}, and dropped
 * when the application closes, after its pool. Test code only: the application itself knows
 * nothing of it. Registered for every application the tests start in {@code
 * META-INF/spring.factories}.
 */
public final class FreshDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(FreshDatabases.class);
    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://[^/?]+/(?<db>[^?]*)(\\?.*)?");
    private static final String DROPPER = "freshDatabaseDropper";

    /** An embedded server started for the tests (when no PostgreSQL could be reached), kept for the run. */
    private static @Nullable EmbeddedPostgres embedded;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("earlyhelp.db.fresh", Boolean.class, false)) {
            return;
        }
        ResolvedDatabase database = create(server(environment));
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        if (database.password() != null) {
            settings.put("spring.datasource.password", database.password());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("fresh-test-database", settings));
        context.addBeanFactoryPostProcessor(new DropAfterThePool(database));
    }

    /**
     * The server the application would use, found the way the application finds it, but asking for
     * the server's own {@code postgres} database, which is always there: asking for the
     * application's ({@code earlyhelp}) would create it on the machine's PostgreSQL and leave it
     * behind, though no test uses it.
     */
    static synchronized ResolvedDatabase server(ConfigurableEnvironment environment) {
        if (embedded != null) {
            return new ResolvedDatabase(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null, "embedded");
        }
        DatabaseProperties bound = Binder.get(environment)
                .bind("earlyhelp.db", DatabaseProperties.class)
                .orElseGet(() -> new DatabaseProperties(null, null, null, null, null, null, null, null, null));
        DatabaseProperties properties = new DatabaseProperties(
                bound.url(),
                bound.username(),
                bound.password(),
                bound.localHost(),
                bound.localPort(),
                "postgres",
                bound.embeddedEnabled(),
                bound.embeddedDataDir(),
                bound.embeddedPort());
        DatabaseResolver resolver = new DatabaseResolver(
                properties,
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        ResolvedDatabase server = resolver.resolve();
        if (resolver.embedded() != null) {
            embedded = resolver.embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(FreshDatabases::closeEmbedded, "embedded-postgres-stop"));
        }
        return server;
    }

    /** Creates a database with a random name on the server. */
    static ResolvedDatabase create(ResolvedDatabase server) {
        String name = "earlyhelp_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection connection = DatabaseResolver.connect(
                        DatabaseResolver.withDatabase(server.url(), "postgres"), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create a fresh test database on " + server.source() + " as " + server.username()
                            + ": " + e.getMessage() + ". Give the role CREATEDB (ALTER ROLE " + server.username()
                            + " CREATEDB), or point the tests at a server where it may create databases with"
                            + " EARLYHELP_DB_URL.",
                    e);
        }
        log.info("Created fresh test database {} on {}", name, server.source());
        return new ResolvedDatabase(
                DatabaseResolver.withDatabase(server.url(), name),
                server.username(),
                server.password(),
                server.source() + ", fresh database " + name);
    }

    /** Drops a database made by {@link #create}, closing whatever is still connected to it. */
    static void drop(ResolvedDatabase database) {
        Matcher m = DATABASE.matcher(database.url());
        if (!m.matches()) {
            return;
        }
        try (Connection connection = DatabaseResolver.connect(
                        DatabaseResolver.withDatabase(database.url(), "postgres"),
                        database.username(),
                        database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + m.group("db") + "\" WITH (FORCE)");
            log.info("Dropped fresh test database {}", m.group("db"));
        } catch (SQLException e) {
            log.warn("Could not drop test database {}: {}", m.group("db"), e.getMessage());
        }
    }

    private static synchronized void closeEmbedded() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    /**
     * Registers the bean that drops the database, and makes the application's own database bean
     * depend on it, so that it is destroyed (and the database dropped) only after the pool closed.
     */
    private record DropAfterThePool(ResolvedDatabase database) implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            registry.registerBeanDefinition(
                    DROPPER, new RootBeanDefinition(Dropper.class, () -> new Dropper(database)));
        }

        /** After the configuration classes were read, so that the database bean is defined. */
        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            if (beanFactory.containsBeanDefinition("managedDatabase")) {
                BeanDefinition pool = beanFactory.getBeanDefinition("managedDatabase");
                String[] before = pool.getDependsOn() == null ? new String[0] : pool.getDependsOn();
                String[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = DROPPER;
                pool.setDependsOn(after);
            }
        }
    }

    /** Drops the database when the application closes. */
    record Dropper(ResolvedDatabase database) implements DisposableBean {
        @Override
        public void destroy() {
            drop(database);
        }
    }
}
