package org.earlyhelp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A table downloaded as CSV: written as spreadsheets read it, recorded, and only for someone signed in. */
@OwnDataApplicationTest
class TableDownloadsTests {

    @Autowired
    TableDownloads downloads;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void numbersStayNumbersTextThatWouldRunIsGuardedAndTheDownloadIsRecorded() {
        SignedIn.as("lead.test", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        String title = "Test table " + UUID.randomUUID();
        String csv = downloads.csv(
                title,
                new HubId("dudley-central"),
                List.of("Name", "Count", "Change", "Rate"),
                new TableRows(List.of(
                        Arrays.asList("=HYPERLINK(\"x\")", 12, -3, 2.5),
                        Arrays.asList("Zoë, \"the\" lead", 0, -1.25, 4.0),
                        Arrays.asList(null, null, null, null))));
        assertThat(csv)
                .isEqualTo("\"Name\",\"Count\",\"Change\",\"Rate\"\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\",\"12\",\"-3\",\"2.5\"\r\n"
                        + "\"Zoë, \"\"the\"\" lead\",\"0\",\"-1.25\",\"4\"\r\n"
                        + ",,,\r\n");
        assertThat(jdbc.sql("""
                        SELECT details FROM audit.entry WHERE actor = 'lead.test' AND action = 'export'
                          AND record_type = 'table' AND record_id = ? AND hub_id = 'dudley-central'""").param(title).query(String.class).single()).isEqualTo("3 rows");
        assertThat(TableDownloads.fileName("Caseloads, Dudley Central & Netherton"))
                .isEqualTo("caseloads-dudley-central-netherton.csv");
    }

    @Test
    void nobodySignedInGetsNothingAndARaggedTableIsRefused() {
        assertThatThrownBy(() -> downloads.csv("T", null, List.of("A"), new TableRows(List.of(List.of(1)))))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as("lead.test", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() -> downloads.csv("T", null, List.of("A", "B"), new TableRows(List.of(List.of(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
