package org.earlyhelp.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.shared.database.DatabaseConfiguration.ManagedDatabase;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * The database's health (the readiness probe's and the dependencies group's {@code db}) answers
 * at once when every pooled connection is busy with people's requests, and says the database is
 * down, within the probe's time, when it does not answer. A busy instance whose check waited for
 * a pooled connection (5 s) would be taken out of rotation by the proxy, and its people would lose
 * their sessions: two-instance runs at 500 sessions saw it (docs/performance.md).
 */
@OwnDataApplicationTest
class DatabaseHealthTests {

    @Autowired
    ManagedDatabase application;

    @Autowired
    ApplicationContext context;

    private static final DatabaseConfiguration CONFIGURATION = new DatabaseConfiguration();

    @Test
    void theApplicationsDatabaseHealthIsThisCheckAndNoOther() {
        assertThat(context.getBeansOfType(DataSourceHealthIndicator.class)).containsOnlyKeys("dbHealthIndicator");
        assertThat(context.getBean("dbHealthIndicator", HealthIndicator.class)
                        .health()
                        .getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void withEveryPooledConnectionInUseTheDatabaseIsUpAtOnce() throws Exception {
        ManagedDatabase busy = new ManagedDatabase(application.database(), null, settings());
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(busy.dataSource().getConnection());
            }
            long started = System.nanoTime();
            Health health = CONFIGURATION.dbHealthIndicator(busy).health();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(health.getStatus()).as("%s", health).isEqualTo(Status.UP);
            assertThat(seconds).as("seconds to answer").isLessThan(1.0);
        } finally {
            for (Connection c : held) {
                c.close();
            }
            busy.destroy();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWithinAProbesTime() throws Exception {
        ResolvedDatabase nowhere = new ResolvedDatabase(
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/earlyhelp", "earlyhelp", null, "a test");
        ManagedDatabase gone = new ManagedDatabase(nowhere, null, settings());
        try {
            long started = System.nanoTime();
            Health health = CONFIGURATION.dbHealthIndicator(gone).health();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(seconds).as("seconds to answer").isLessThan(4.0);
        } finally {
            gone.destroy();
        }
    }

    /** A pool of two connections that waits 5 s for one, as the application's waits by default. */
    private static MockEnvironment settings() {
        return new MockEnvironment()
                .withProperty("earlyhelp.db.pool-size", "2")
                .withProperty("earlyhelp.db.connection-timeout-ms", "5000");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
