package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.earlyhelp.EarlyHelpApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events between modules survive a failure: a publication whose listener did not complete is
 * kept in the registry and, after a restart, delivered again by the retry (not by the start
 * itself, which with several instances would deliver what another is still delivering); a
 * completed one is archived.
 */
class EventPublicationRegistryTests {

    /** Published by the test. */
    record Probe(UUID id) {}

    static final AtomicInteger failuresToCome = new AtomicInteger();
    static final AtomicInteger delivered = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeListenerConfiguration {

        @Bean
        ProbeListener probeListener() {
            return new ProbeListener();
        }
    }

    static class ProbeListener {

        @ApplicationModuleListener
        void on(Probe probe) {
            if (failuresToCome.getAndDecrement() > 0) {
                throw new IllegalStateException("the listener fails, as if the process had died");
            }
            delivered.incrementAndGet();
        }
    }

    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "earlyhelp_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", user(), null);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", user(), null);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    /** Starts the application; its retry every second, or (the first life) not within the test. */
    private ConfigurableApplicationContext start(boolean retrySoon) {
        return new SpringApplicationBuilder(EarlyHelpApplication.class, ProbeListenerConfiguration.class)
                .run(
                        "--server.port=0",
                        "--earlyhelp.db.fresh=false",
                        "--earlyhelp.db.url=jdbc:postgresql://localhost:5432/" + database,
                        "--earlyhelp.db.username=" + user(),
                        "--earlyhelp.demo.data=false",
                        "--earlyhelp.events.retry-every=" + (retrySoon ? "PT1S" : "PT1H"),
                        "--earlyhelp.events.retry-older-than=PT1S");
    }

    @Test
    void anIncompletePublicationIsDeliveredAgainAfterARestart() throws Exception {
        failuresToCome.set(1);
        delivered.set(0);
        UUID id = UUID.randomUUID();
        try (ConfigurableApplicationContext first = start(false)) {
            TransactionTemplate tx = first.getBean(TransactionTemplate.class);
            ApplicationEventPublisher publisher = first;
            tx.executeWithoutResult(status -> publisher.publishEvent(new Probe(id)));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            awaitUntil(() -> failuresToCome.get() < 1);
            Thread.sleep(200);
            assertThat(delivered.get()).isZero();
            assertThat(incomplete(jdbc)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(true)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            awaitUntil(() -> delivered.get() == 1 && incomplete(jdbc) == 0);
            assertThat(delivered.get()).isEqualTo(1);
            assertThat(incomplete(jdbc)).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM events.event_publication_archive WHERE serialized_event LIKE ?")
                            .param("%" + id + "%")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    private static long incomplete(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                .query(Long.class)
                .single();
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
