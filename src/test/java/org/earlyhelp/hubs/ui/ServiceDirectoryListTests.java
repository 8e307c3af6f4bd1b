package org.earlyhelp.hubs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hubs.ServiceDirectory;
import org.earlyhelp.hubs.ServiceDirectory.Query;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search of the service directory lists at most {@link ServiceDirectory#MOST_LISTED} services
 * and says when more match; near a postcode it measures every match first, so the nearest service
 * is listed whatever its name. Without a browser, in a hub the other tests leave alone; the
 * services are made in SQL and removed after.
 */
@OwnDataApplicationTest
class ServiceDirectoryListTests extends SpringBrowserlessTest {

    static final HubId HUB = new HubId("kingswinford");
    static final String MARK = "Directory list fixture";

    @Autowired
    ServiceDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeOwnServices() {
        SignedIn.nobody();
        jdbc.sql("DELETE FROM hubs.service WHERE description = ?").param(MARK).update();
    }

    @Test
    void moreMatchesThanTheListHoldsAreSaidAndTheNearestIsListedWhateverItsName() {
        Map<String, Object> here = jdbc.sql("""
                        SELECT p.postcode, a.centroid_lat, a.centroid_lon FROM hubs.postcode p
                        JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = ? AND a.centroid_lat IS NOT NULL ORDER BY p.postcode LIMIT 1""").param(HUB.value()).query().singleRow();
        // 500 services about 50 km away, named to come first; one at the postcode, named to come last.
        jdbc.sql("""
                        INSERT INTO hubs.service (id, hub_id, organisation_id, name, description, category, latitude,
                                                  longitude)
                        SELECT gen_random_uuid(), ?, (SELECT min(id) FROM hubs.organisation),
                               CASE WHEN n = 0 THEN 'Zz nearest service' ELSE 'Aa far service ' || n END, ?,
                               'FAMILY_SUPPORT', CASE WHEN n = 0 THEN ? ELSE ? + 0.45 END, ?
                        FROM generate_series(0, ?) n""")
                .params(
                        HUB.value(),
                        MARK,
                        here.get("centroid_lat"),
                        here.get("centroid_lat"),
                        here.get("centroid_lon"),
                        ServiceDirectory.MOST_LISTED)
                .update();
        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));

        ServiceDirectory.Result byName = directory.search(new Query(HUB, null, null, null, null, null));
        assertThat(byName.services()).hasSize(ServiceDirectory.MOST_LISTED);
        assertThat(byName.more()).isTrue();
        assertThat(byName.services()).noneMatch(s -> s.name().equals("Zz nearest service"));

        String postcode = (String) here.get("postcode");
        ServiceDirectory.Result near = directory.search(new Query(HUB, null, null, null, postcode, null));
        assertThat(near.services()).hasSize(ServiceDirectory.MOST_LISTED);
        assertThat(near.more()).isTrue();
        assertThat(near.services().getFirst().name()).isEqualTo("Zz nearest service");
        assertThat(near.services().getFirst().distanceKm()).isLessThan(0.01);

        navigate("services", ServiceDirectoryView.class);
        assertThat($(Paragraph.class).id("service-summary").getText())
                .isEqualTo("More than 500 services match. The first 500 are listed (the nearest first when you give"
                        + " a postcode), and only they are in the CSV. Narrow the search to see the rest.");
        $(TextField.class).id("near-postcode").setValue(postcode);
        test($(Button.class).id("search-services")).click();
        assertThat(test($(Grid.class).id("service-grid")).size()).isEqualTo(ServiceDirectory.MOST_LISTED);

        jdbc.sql("DELETE FROM hubs.service WHERE description = ? AND name <> 'Zz nearest service'")
                .param(MARK)
                .update();
        assertThat(directory
                        .search(new Query(HUB, null, null, null, null, null))
                        .more())
                .isFalse();
    }
}
