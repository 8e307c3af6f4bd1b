package org.earlyhelp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.earlyhelp.hubs.AreaSummary;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SharedDataSnapshot;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail: written with every change, and impossible to change afterwards. */
@OwnDataApplicationTest
class AuditTrailTests {

    @Autowired
    AuditTrail audit;

    @Autowired
    HubAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void changesToReferenceDataAreAuditedWithWhoAndWhat() {
        // The demonstration's borough, cleared below, is put back for the tests that follow.
        SharedDataSnapshot borough = SharedDataSnapshot.borough(jdbc);
        try {
            SignedIn.admin();
            jdbc.sql("DELETE FROM hubs.postcode").update();
            jdbc.sql("DELETE FROM hubs.area").update();
            administration.importFile(
                    FileKind.AREAS,
                    "two-areas.csv",
                    new ByteArrayInputStream(
                            "LSOA code,LSOA name,Total population,Children 0-15\nE01009719,Dudley 027A,1438,281\nE01009720,Dudley 028A,1391,244\n"
                                    .getBytes(StandardCharsets.UTF_8)));
            List<AreaSummary> areas = administration.areas("E01009719", null, null, false);
            administration.assign(areas, new HubId("stourbridge"));

            List<AuditEntry> trail = audit.trailOf("area", "E01009719");
            assertThat(trail).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("admin");
                assertThat(e.actorRoles()).isEqualTo("admin");
                assertThat(e.action()).isEqualTo("assign");
                assertThat(e.hub()).isEqualTo("stourbridge");
            });
            assertThat(audit.trailOf("reference-data", "areas"))
                    .first()
                    .satisfies(e -> assertThat(e.details()).contains("two-areas.csv", "2 saved"));
        } finally {
            borough.restore();
        }
    }

    @Test
    void aFailedImportLeavesNoTraceButAlsoChangesNothing() {
        SignedIn.admin();
        long before =
                jdbc.sql("SELECT count(*) FROM audit.entry").query(Long.class).single();
        administration.importFile(
                FileKind.AREAS,
                "bad.csv",
                new ByteArrayInputStream("LSOA code,LSOA name,Total population,Children 0-15\nX,Y,1,2\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Autowired
    @FlywayDataSource
    DataSource owner;

    @Test
    void auditEntriesCannotBeChangedOrRemovedEvenByTheApplication() {
        SignedIn.admin();
        transactions.executeWithoutResult(s -> audit.record(AuditAction.VIEW, "family", "F-1", null, null, null));
        // The application works as its own role, which has no right to change the log...
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("earlyhelp_app");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.entry SET actor = 'someone else'")
                        .update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.entry").update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit.entry").update())
                .rootCause()
                .hasMessageContaining("permission denied");
        // It signs in as itself, not as the owner: it cannot become the owner, or switch a trigger off.
        String ownerName = JdbcClient.create(owner)
                .sql("SELECT current_user")
                .query(String.class)
                .single();
        assertThat(ownerName).isNotEqualTo("earlyhelp_app");
        transactions.executeWithoutResult(t -> {
            jdbc.sql("RESET ROLE").update();
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                    .as("RESET ROLE leaves the application as itself")
                    .isEqualTo("earlyhelp_app");
            assertThat(jdbc.sql("SELECT session_user").query(String.class).single())
                    .isEqualTo("earlyhelp_app");
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        t -> jdbc.sql("SET ROLE \"" + ownerName + "\"").update()))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> transactions.executeWithoutResult(t -> {
                    jdbc.sql("RESET ROLE").update();
                    jdbc.sql("UPDATE audit.entry SET actor = 'someone else'").update();
                }))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("ALTER TABLE audit.entry DISABLE TRIGGER entry_is_append_only")
                        .update())
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() ->
                        jdbc.sql("ALTER TABLE audit.entry DISABLE TRIGGER ALL").update())
                .rootCause()
                .hasMessageContaining("must be owner");
        // ...and even the schemas' owner is stopped by the triggers.
        JdbcClient asOwner = JdbcClient.create(owner);
        assertThatThrownBy(() -> asOwner.sql("UPDATE audit.entry SET actor = 'someone else'")
                        .update())
                .rootCause()
                .hasMessageContaining("audit entries cannot be changed or removed");
        assertThatThrownBy(() -> asOwner.sql("DELETE FROM audit.entry").update())
                .rootCause()
                .hasMessageContaining("audit entries cannot be changed or removed");
        assertThatThrownBy(() -> asOwner.sql("TRUNCATE audit.entry, audit.seal").update())
                .rootCause()
                .hasMessageContaining("audit entries cannot be changed or removed");
        assertThat(audit.trailOf("family", "F-1")).hasSize(1);
    }

    @Autowired
    AuditChain chain;

    @Test
    void theChainNamesTheFirstEntryEditedEvenByTheOwnerWithTheTriggersSwitchedOff() throws Exception {
        SignedIn.admin();
        for (int i = 0; i < 3; i++) {
            int n = i;
            transactions.executeWithoutResult(
                    s -> audit.record(AuditAction.VIEW, "family", "CHAIN-" + n, null, null, "one"));
        }
        // Settled entries are sealed (the test's settle time is one second); the whole chain checks out.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (jdbc.sql("""
                                SELECT count(*) FROM audit.seal s JOIN audit.entry e ON e.id = s.entry_id
                                WHERE e.record_id = 'CHAIN-2'""").query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("sealed in time").isLessThan(deadline);
            chain.seal();
            Thread.sleep(200);
        }
        AuditChain.Check before = chain.check();
        assertThat(before.intact()).as(String.valueOf(before.firstBroken())).isTrue();
        assertThat(before.sealed()).isGreaterThanOrEqualTo(3);
        long edited = jdbc.sql("SELECT id FROM audit.entry WHERE record_id = 'CHAIN-1'")
                .query(Long.class)
                .single();

        // The owner switches the trigger off and edits an entry: the check names that entry.
        JdbcClient asOwner = JdbcClient.create(owner);
        asOwner.sql("ALTER TABLE audit.entry DISABLE TRIGGER entry_is_append_only")
                .update();
        try {
            asOwner.sql("UPDATE audit.entry SET details = 'nothing to see' WHERE id = ?")
                    .param(edited)
                    .update();
            AuditChain.Check after = chain.check();
            System.out.println("Audit chain after an edit as the owner: " + AuditChainCommand.describe(after));
            assertThat(after.intact()).isFalse();
            assertThat(after.firstBroken().entryId()).isEqualTo(edited);
            assertThat(after.firstBroken().why()).contains("changed since it was sealed");
        } finally {
            asOwner.sql("UPDATE audit.entry SET details = 'one' WHERE id = ?")
                    .param(edited)
                    .update();
            asOwner.sql("ALTER TABLE audit.entry ENABLE TRIGGER entry_is_append_only")
                    .update();
        }
        assertThat(chain.check().intact()).as("restored, the chain holds again").isTrue();
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of());
        assertThatThrownBy(() -> chain.check()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEntryIsOnlyWrittenInsideTheTransactionOfWhatItRecords() {
        SignedIn.admin();
        assertThatThrownBy(() -> audit.record(AuditAction.VIEW, "family", "F-2", null, null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void onlyAdministratorsReadTheTrail() {
        SignedIn.as("lead", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() -> audit.trailOf("family", "F-1")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSearchAsksForAtMostTheMostItReturnsRatherThanBeingCutShort() {
        SignedIn.admin();
        assertThatThrownBy(() -> audit.search(null, null, null, null, null, AuditTrail.MOST_FOUND + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A page holds 1 to 5000 items, not 5001");
        assertThat(audit.search(null, null, null, null, null, AuditTrail.MOST_FOUND))
                .hasSizeLessThanOrEqualTo(AuditTrail.MOST_FOUND);
    }

    @Test
    void administratorsSearchAndExportTheLogAndBothAreRecorded() {
        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        transactions.executeWithoutResult(
                t -> audit.record(AuditAction.VIEW, "family", "family-search-test", null, null, "=cmd|' /C calc'!A0"));
        Assertions.assertThatThrownBy(() -> audit.search(null, null, "family-search-test", null, null, 10))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.admin();
        var found = audit.search(
                "lead.halesowen",
                "family",
                "family-search-test",
                LocalDate.now().minusDays(1),
                LocalDate.now(),
                10);
        assertThat(found).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("view"));
        String csv = audit.exportCsv(found, "test export");
        assertThat(csv).contains("\"lead.halesowen\"").contains("\"'=cmd").doesNotContain(",\"=cmd");
        assertThat(audit.search("admin", "audit", null, null, null, 10))
                .extracting(AuditEntry::action)
                .contains("search", "export");
    }
}
