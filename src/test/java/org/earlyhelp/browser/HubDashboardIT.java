package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.referrals.CaseAllocated;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.RequestDecided;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestSubmitted;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.testing.KeycloakApplicationTest;
import org.earlyhelp.testing.SharedData;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.ThemeConfirmed;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A hub lead opens their dashboard and sees the map, the trends and the drift list, fed by the
 * journey's events (published here, on a borough without demonstration families, so that every
 * figure is known: the partner API's tests, which share the application, may add requests of
 * their own to the same hub, so the figures this test checks are its own records' or counted
 * from the read model before it publishes), and cannot see another hub's. People sign in through
 * Keycloak; the other hub's lead is added to the realm as an administrator would.
 */
@KeycloakApplicationTest
class HubDashboardIT extends BrowserTest {

    private static final HubId CENTRAL = new HubId("dudley-central");

    @LocalServerPort
    int port;

    @Autowired
    HubAdministration administration;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private void importDudleyAndBuildCentral() throws Exception {
        SignedIn.admin();
        try {
            for (var file : new String[][] {
                {"AREAS", "dudley/dudley_iod2019_population_lsoa11.csv"},
                {"DEPRIVATION", "dudley/dudley_iod2019_domains_lsoa11.csv"},
                {"AREA_BOUNDARIES", "dudley/dudley_lsoa11_boundaries.geojson"},
                {"WARD_BOUNDARIES", "dudley/dudley_ward_boundaries.geojson"}
            }) {
                try (InputStream in = Files.newInputStream(SharedData.file(file[1]))) {
                    assertThat(administration
                                    .importFile(FileKind.valueOf(file[0]), file[1], in)
                                    .succeeded())
                            .isTrue();
                }
            }
            for (var ward : administration.wards()) {
                if (Set.of("Castle & Priory", "Netherton & Holly Hall", "St. James's", "St. Thomas's")
                        .contains(ward.name())) {
                    administration.assignWard(ward.code(), CENTRAL);
                }
            }
        } finally {
            SignedIn.nobody();
        }
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(s -> events.publishEvent(event));
    }

    /** Waits until the read model holds what this test published (the query counts this test's records). */
    private void awaitProjected(long expected, String sql, Object... ids) {
        new WebDriverWait(browser().driver(), Duration.ofSeconds(20))
                .until(d -> jdbc.sql(sql).params(ids).query(Long.class).single() == expected);
    }

    private long tablesExportedByTheLead() {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE actor = 'hublead'"
                        + " AND action = 'export' AND record_type = 'table' AND hub_id = 'dudley-central'")
                .query(Long.class)
                .single();
    }

    private long awaitingDecisionInCentral() {
        return jdbc.sql("SELECT count(*) FROM insight.request WHERE hub_id = 'dudley-central' AND decided_at IS NULL")
                .query(Long.class)
                .single();
    }

    @Test
    void aHubLeadSeesTheMapTrendsAndDriftListOfTheirHubOnly() throws Exception {
        importDudleyAndBuildCentral();
        String area = jdbc.sql("SELECT code FROM hubs.area WHERE hub_id = 'dudley-central' ORDER BY code LIMIT 1")
                .query(String.class)
                .single();
        KeycloakTestServer.running().addPerson("lead.halesowen", "hub-lead", "halesowen");
        long awaitingBefore = awaitingDecisionInCentral();
        Instant now = Instant.now();
        RequestId waiting = RequestId.random();
        RequestId drifting = RequestId.random();
        publish(new RequestSubmitted(
                waiting,
                FamilyId.random(),
                "Okafor family",
                CENTRAL,
                area,
                now.minusSeconds(7200),
                now.plusSeconds(80_000),
                false,
                false));
        publish(new RequestSubmitted(
                drifting,
                FamilyId.random(),
                "Hughes family",
                CENTRAL,
                area,
                now.minus(Duration.ofDays(70)),
                now.minus(Duration.ofDays(69)),
                false,
                false));
        awaitProjected(2, "SELECT count(*) FROM insight.request WHERE id IN (?, ?)", waiting.value(), drifting.value());
        publish(new RequestDecided(
                drifting,
                CENTRAL,
                now.minus(Duration.ofDays(69)).minusSeconds(600),
                NeedLevel.TARGETED,
                DecisionOutcome.EARLY_HELP));
        awaitProjected(
                1, "SELECT count(*) FROM insight.request WHERE id = ? AND decided_at IS NOT NULL", drifting.value());
        publish(new CaseAllocated(
                CaseId.random(),
                drifting,
                FamilyId.random(),
                "Hughes family",
                CENTRAL,
                "Fran Lewis",
                now.minus(Duration.ofDays(68)),
                LocalDate.now().minusDays(20),
                "family.worker"));
        awaitProjected(1, "SELECT count(*) FROM insight.case_file WHERE request_id = ?", drifting.value());
        publish(new ThemeConfirmed(UUID.randomUUID(), CENTRAL, "Feeling listened to", now.minusSeconds(3600)));
        awaitProjected(
                1, "SELECT coalesce(sum(count), 0) FROM insight.theme_monthly WHERE hub_id = ?", CENTRAL.value());

        String base = "http://localhost:" + port;
        long exportsBefore = tablesExportedByTheLead();
        signInThroughKeycloakAndOpen(base, "hublead", base + "/");
        // The waiting request counts; the decided one does not.
        assertThat(browser().waitFor(By.id("home-hub-lead")).getText())
                .contains("Requests waiting for your decision: " + (awaitingBefore + 1));
        browser().go(base + "/hub/dashboard");
        WebElement dashboard = browser().waitFor(By.id("figures"));
        assertThat(dashboard.getText()).contains("requests awaiting a decision");
        // How a figure is counted is one click from it.
        WebElement onTime = browser().waitFor(By.id("define-dashboard-on-time"));
        onTime.findElement(By.tagName("summary")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> onTime.getText().contains("A request left undecided past its deadline lowers the share."));
        String awaiting = browser().waitFor(By.id("awaiting")).getDomProperty("textContent");
        assertThat(awaiting).contains("Okafor family").doesNotContain("Hughes family");
        String drift = browser().waitFor(By.id("drift")).getDomProperty("textContent");
        assertThat(drift).contains("Hughes family", "Assessment overdue", "Fran Lewis");
        assertThat(browser().waitFor(By.id("themes")).getDomProperty("textContent"))
                .contains("Feeling listened to: heard 1 times");
        assertThat(browser().driver().findElements(By.cssSelector("#reach-map svg path")))
                .hasSize(34);
        assertThat(browser().driver().findElements(By.cssSelector("#trends svg rect")))
                .hasSizeGreaterThanOrEqualTo(12);
        // Each table of the dashboard downloads as the page shows it, and the download is recorded.
        assertThat(browser().download(browser().waitFor(By.id("themes-csv"))))
                .isEqualTo("\"Theme\",\"Pieces of feedback\"\r\n\"Feeling listened to\",\"1\"\r\n");
        String trends = browser().download(browser().waitFor(By.id("trends-csv")));
        assertThat(trends)
                .startsWith("\"Month\",\"Requests\",")
                .contains("\"" + YearMonth.now(ZoneId.of("Europe/London")) + "\",");
        assertThat(trends.split("\r\n")).hasSize(13);
        assertThat(browser().download(browser().waitFor(By.id("caseloads-csv"))))
                .contains("\"Fran Lewis\",");
        assertThat(browser().download(browser().waitFor(By.id("reach-csv")))).startsWith("\"Area code\",\"Area\",");
        assertThat(browser().isPresent(By.id("drift-csv")))
                .as("lists naming families are not offered as files")
                .isFalse();
        assertThat(tablesExportedByTheLead()).isEqualTo(exportsBefore + 4);
        browser().screenshot("hub-dashboard");
        browser().assertAccessible("hub dashboard");

        signInThroughKeycloakAndOpen(base, "admin", base + "/borough");
        String borough = browser().waitFor(By.id("borough-hubs")).getDomProperty("textContent");
        assertThat(borough).contains("Dudley Central & Netherton", "Halesowen").doesNotContain("Okafor family");
        assertThat(browser().waitFor(By.id("borough-pilot")).getDomProperty("textContent"))
                .contains("Pilot: requests per 10,000");
        WebElement columns = browser().waitFor(By.id("define-borough-hubs"));
        columns.findElement(By.tagName("vaadin-details-summary")).click();
        new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
                .until(d -> columns.getText().contains("per 10,000 children aged 0 to 15 living in the hub areas"));
        String hubsCsv = browser().download(browser().waitFor(By.id("borough-hubs-csv")));
        assertThat(hubsCsv).startsWith("\"Hub\",\"Status\",\"Requests\",").contains("\"Halesowen\",");
        assertThat(browser().download(browser().waitFor(By.id("borough-pilot-csv"))))
                .startsWith("\"Month\",");
        browser().screenshot("borough-view");
        browser().assertAccessible("borough view");

        signInThroughKeycloakAndOpen(base, "lead.halesowen", base + "/hub/dashboard");
        browser().waitFor(By.id("figures"));
        String other = browser().waitFor(By.id("dashboard")).getDomProperty("textContent");
        assertThat(other).contains("Halesowen").doesNotContain("Okafor family", "Hughes family", "Dudley Central");
        assertThat(browser().isPresent(By.id("dashboard-hub"))
                        && browser().waitFor(By.id("dashboard-hub")).isDisplayed())
                .isFalse();
    }
}
