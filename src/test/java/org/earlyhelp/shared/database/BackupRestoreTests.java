package org.earlyhelp.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.earlyhelp.EarlyHelpApplication;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditChain;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup and restore docs/operations.md describes, done: the application fills a database,
 * {@code pg_dump} dumps it in PostgreSQL's custom format, {@code pg_restore} restores the dump into
 * a new, empty database, and the application starts on the copy with nothing to migrate, the same
 * records, and an audit chain that is still intact.
 */
class BackupRestoreTests {

    private final String original = name();
    private final String restored = name();

    private static String name() {
        return "earlyhelp_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    private static void postgres(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", user(), null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(EarlyHelpApplication.class)
                .run(
                        "--server.port=0",
                        "--earlyhelp.db.fresh=false",
                        "--earlyhelp.db.url=jdbc:postgresql://localhost:5432/" + database,
                        "--earlyhelp.db.username=" + user(),
                        "--earlyhelp.events.retry-every=PT1H");
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("%s said: %s", command.getFirst(), output)
                .isZero();
    }

    /** Rows in the tables that hold a council's records, and the migrations applied (as the owner). */
    private static Map<String, Long> counts(String database) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, user(), null);
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>(List.of(
                    "referrals.family",
                    "referrals.request",
                    "referrals.case_file",
                    "voice.feedback",
                    "hubs.hub",
                    "hubs.postcode",
                    "sufficiency.episode",
                    "audit.entry",
                    "events.event_publication_archive"));
            try (var rs =
                    s.executeQuery("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables"
                            + " WHERE tablename LIKE 'flyway_schema_history%' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (String database : List.of(original, restored)) {
            postgres("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseRunsTheApplicationWithEverythingInIt() throws Exception {
        postgres("CREATE DATABASE " + original);
        Map<String, Long> before;
        try (ConfigurableApplicationContext first = start(original)) {
            // Something in the audit trail, sealed into the chain, as a council's database would have.
            AuditTrail audit = first.getBean(AuditTrail.class);
            SignedIn.as("admin", Set.of(Role.ADMIN), Set.of());
            try {
                new TransactionTemplate(first.getBean(PlatformTransactionManager.class)).executeWithoutResult(t -> {
                    for (int i = 0; i < 3; i++) {
                        audit.record(AuditAction.EXPORT, "database", original, null, "before the dump", null);
                    }
                });
            } finally {
                SignedIn.nobody();
            }
            before = counts(original);
        }
        assertThat(before.get("referrals.family")).as("demonstration families").isPositive();
        assertThat(before.get("audit.entry")).isPositive();

        Path dump = Files.createTempFile("earlyhelp", ".dump");
        try {
            run(List.of(
                    "pg_dump",
                    "--format=custom",
                    "--host=localhost",
                    "--username=" + user(),
                    "--file=" + dump,
                    original));
            postgres("CREATE DATABASE " + restored);
            run(List.of(
                    "pg_restore",
                    "--exit-on-error",
                    "--host=localhost",
                    "--username=" + user(),
                    "--dbname=" + restored,
                    dump.toString()));
        } finally {
            Files.deleteIfExists(dump);
        }

        try (ConfigurableApplicationContext second = start(restored)) {
            Map<String, Long> after = counts(restored);
            // The demonstration data is not made again on a database that has it, and nothing migrates.
            assertThat(after).isEqualTo(before);
            SignedIn.as("admin", Set.of(Role.ADMIN), Set.of());
            try {
                AuditChain.Check check = second.getBean(AuditChain.class).check();
                assertThat(check.intact())
                        .as("the audit chain of the restored database")
                        .isTrue();
            } finally {
                SignedIn.nobody();
            }
        }
    }
}
