package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.SafeguardingAlerts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the tests of the concerns and step-ups a hub's leads check share. */
final class ConcernCheckFixtures {

    /** The borough's duty address the tests set. */
    static final String DUTY = "duty@council.example";

    private ConcernCheckFixtures() {}

    /** The addresses of the hub's safeguarding leads and hub leads, as the mail goes to them. */
    static List<String> hubsLeadsAddresses(HubTeams teams, HubId hub) {
        assertThat(teams.safeguardingLeads(hub))
                .as("the hub has a safeguarding lead")
                .isNotEmpty();
        assertThat(teams.hubLeads(hub)).as("the hub has a hub lead").isNotEmpty();
        List<HubMember> people = new ArrayList<>(teams.safeguardingLeads(hub));
        people.addAll(teams.hubLeads(hub));
        return people.stream()
                .map(m -> m.username().contains("@") ? m.username() : m.username() + "@earlyhelp.example")
                .distinct()
                .toList();
    }

    /** A postcode of the hub. */
    static String postcodeIn(JdbcClient jdbc, HubId hub) {
        return jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = ? ORDER BY p.postcode LIMIT 1""").param(hub.value()).query(String.class).single();
    }

    /** Sets the borough's duty address to {@link #DUTY}, as an administrator; nobody is left signed in. */
    static void dutyAddressSet(SafeguardingAlerts alerts) {
        SignedIn.admin();
        try {
            alerts.setDutyAddress(DUTY, alerts.dutyAddress().version());
        } finally {
            SignedIn.nobody();
        }
    }
}
