package org.earlyhelp.hubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.hubs.ServiceDirectory.Query;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SharedData;
import org.earlyhelp.testing.SharedDataSnapshot;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The service directory, searched as practitioners and hub leads search it. */
@OwnDataApplicationTest
class ServiceDirectoryTests {

    private static final HubId CENTRAL = new HubId("dudley-central");

    @Autowired
    ServiceDirectory directory;

    @Autowired
    HubAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aPractitionerFindsServicesForANeedInTheirHubsOnly() {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        var result = directory.search(new Query(null, OutcomeArea.DOMESTIC_ABUSE, null, null, null, null));
        assertThat(result.services()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.hub()).isEqualTo(CENTRAL);
            assertThat(s.needs()).contains(OutcomeArea.DOMESTIC_ABUSE);
        });
        assertThatThrownBy(() -> directory.search(new Query(new HubId("halesowen"), null, null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTopLevelCategoryIncludesItsSubCategoriesAndWordsNarrowTheSearch() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        var family = directory.search(new Query(CENTRAL, null, ServiceCategory.FAMILY_SUPPORT, null, null, null));
        assertThat(family.services())
                .extracting(s -> s.category().topLevel())
                .containsOnly(ServiceCategory.FAMILY_SUPPORT);
        assertThat(family.services()).hasSizeGreaterThanOrEqualTo(3);
        var words = directory.search(new Query(CENTRAL, null, null, "debt", null, null));
        assertThat(words.services())
                .singleElement()
                .satisfies(s -> assertThat(s.name()).contains("debt"));
    }

    @Test
    void aMalformedPostcodeIsExplainedAndAnUnknownOneLeavesDistancesOut() {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThat(directory
                        .search(new Query(null, null, null, null, "DY1", null))
                        .postcodeProblem())
                .hasValueSatisfying(p -> assertThat(p.english()).contains("DY1 1AA"));
        var unknown = directory.search(new Query(null, null, null, null, "DY9 9ZZ", null));
        assertThat(unknown.postcodeProblem())
                .hasValueSatisfying(p -> assertThat(p.english()).contains("DY9 9ZZ"));
        assertThat(unknown.services())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.distanceKm()).isNull());
    }

    @Test
    void servicesAreSortedByDistanceFromAKnownPostcode() throws Exception {
        // The demonstration's borough, cleared below, is put back for the tests that follow.
        SharedDataSnapshot borough = SharedDataSnapshot.borough(jdbc);
        String youthClub = "SELECT postcode FROM hubs.service WHERE hub_id = 'dudley-central' AND name = 'Youth club'";
        String youthClubsPostcode =
                jdbc.sql(youthClub).query(String.class).optional().orElse(null);
        try {
            SignedIn.admin();
            jdbc.sql("DELETE FROM hubs.postcode").update();
            jdbc.sql("DELETE FROM hubs.area").update();
            try (InputStream in =
                    Files.newInputStream(SharedData.file("dudley/dudley_iod2019_population_lsoa11.csv"))) {
                administration.importFile(FileKind.AREAS, "areas.csv", in);
            }
            try (InputStream in = Files.newInputStream(SharedData.file("dudley/dudley_lsoa11_boundaries.geojson"))) {
                administration.importFile(FileKind.AREA_BOUNDARIES, "boundaries.geojson", in);
            }
            // Two made-up postcodes at the centres of two areas about 2 km apart.
            administration.importFile(
                    FileKind.POSTCODES,
                    "postcodes.csv",
                    new ByteArrayInputStream(
                            "pcds,lsoa11\nDY1 9ZA,E01009719\nDY1 9ZB,E01009720\n".getBytes(StandardCharsets.UTF_8)));
            jdbc.sql(
                            "UPDATE hubs.service SET postcode = 'DY1 9ZB' WHERE hub_id = 'dudley-central' AND name = 'Youth club'")
                    .update();
            var near = directory.search(new Query(CENTRAL, null, null, null, "dy19za", 5.0));
            assertThat(near.postcodeProblem()).isEmpty();
            assertThat(near.services()).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo("Youth club");
                assertThat(s.distanceKm()).isBetween(0.5, 3.0);
            });
            assertThat(directory
                            .search(new Query(CENTRAL, null, null, null, "DY1 9ZA", 0.2))
                            .services())
                    .isEmpty();
        } finally {
            borough.restore();
            jdbc.sql("UPDATE hubs.service SET postcode = ? WHERE hub_id = 'dudley-central' AND name = 'Youth club'")
                    .param(youthClubsPostcode)
                    .update();
        }
    }

    private static ServiceDraft draft(HubId hub, String name, String email) {
        return new ServiceDraft(
                hub,
                new OrganisationId("dudley-cvs"),
                name,
                "Homework help and a hot meal after school.",
                ServiceCategory.ACTIVITIES,
                Set.of(OutcomeArea.EDUCATION),
                "Children aged 8 to 13",
                8,
                13,
                "Netherton Library",
                "Netherton",
                "dy2 9aa",
                "01384 000000",
                email,
                "",
                "Weekdays 15:30 to 17:30");
    }

    @Test
    void aHubLeadAddsAndRemovesAServiceAndBadInputIsNamedFieldByField() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        var invalid = new ServiceDraft(
                CENTRAL, null, "x", "", null, Set.of(), "", 12, 5, "", "", "DY", "phone!", "not-an-email", "www", "");
        assertThatThrownBy(() -> directory.add(invalid))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsOnlyKeys(
                                        "organisation",
                                        "name",
                                        "description",
                                        "category",
                                        "needs",
                                        "maxAge",
                                        "postcode",
                                        "contactPhone",
                                        "contactEmail",
                                        "website"));
        ServiceListing added = directory.add(draft(CENTRAL, "Homework club", "club@example.org"));
        assertThat(added.postcode()).isEqualTo("DY2 9AA");
        assertThat(directory
                        .search(new Query(CENTRAL, null, null, "homework", null, null))
                        .services())
                .singleElement()
                .satisfies(s -> assertThat(s.organisationName()).isEqualTo("Dudley Council for Voluntary Service"));
        assertThatThrownBy(() -> directory.add(draft(CENTRAL, "Homework club", "")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("name"));
        assertThatThrownBy(() -> directory.add(draft(new HubId("halesowen"), "Elsewhere", "")))
                .isInstanceOf(AccessDeniedException.class);
        directory.remove(added);
        assertThat(directory
                        .search(new Query(CENTRAL, null, null, "homework", null, null))
                        .services())
                .isEmpty();
        assertThatThrownBy(() -> directory.remove(added)).isInstanceOf(ChangedBySomeoneElseException.class);

        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> directory.add(draft(CENTRAL, "Not mine to add", "")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void greatCircleDistancesAreRight() {
        // Dudley Castle to Halesowen town centre, about 7.1 km.
        assertThat(ServiceDirectory.kilometres(52.5106, -2.0806, 52.4496, -2.0506))
                .isBetween(7.0, 7.2);
    }
}
