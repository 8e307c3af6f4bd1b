package org.earlyhelp.hubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Hub teams: seen by the people of the hub, capacity changed by its lead, safely. */
@OwnDataApplicationTest
class HubTeamsTests {

    private static final HubId CENTRAL = new HubId("dudley-central");
    private static final HubId HALESOWEN = new HubId("halesowen");

    @Autowired
    HubTeams teams;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void everyHubHasALeadWhoIsItsSafeguardingLead() {
        SignedIn.admin();
        for (String hub : List.of(
                "north-dudley", "dudley-central", "brierley-hill", "kingswinford", "stourbridge", "halesowen")) {
            assertThat(teams.team(new HubId(hub)))
                    .anySatisfy(m -> assertThat(m.hubLead()).isTrue());
            assertThat(teams.safeguardingLeads(new HubId(hub))).isNotEmpty();
        }
    }

    @Test
    void aHubLeadSetsCapacityInTheirOwnHubOnly() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        HubMember fran = member(CENTRAL, "family.worker");
        teams.setCapacity(fran, 18);
        assertThat(member(CENTRAL, "family.worker").capacity()).isEqualTo(18);

        assertThatThrownBy(() -> teams.team(HALESOWEN)).isInstanceOf(AccessDeniedException.class);
        SignedIn.admin();
        HubMember halesowenLead = member(HALESOWEN, "lead.halesowen");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() -> teams.setCapacity(halesowenLead, 5)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPractitionerSeesTheirHubsTeamButCannotChangeIt() {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        HubMember teacher = member(CENTRAL, "teacher");
        assertThatThrownBy(() -> teams.setCapacity(teacher, 30)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.team(HALESOWEN)).isInstanceOf(AccessDeniedException.class);
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        assertThatThrownBy(() -> teams.team(CENTRAL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aHubLeadAddsAndRemovesTeamMembersAndBadInputIsNamed() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThatThrownBy(() -> teams.add(CENTRAL, "x", "", null, 99, false, false))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsOnlyKeys("username", "displayName", "organisation", "capacity"));
        teams.add(CENTRAL, "School.Nurse", "Sam Nurse", new OrganisationId("black-country-health"), 5, false, true);
        HubMember nurse = member(CENTRAL, "school.nurse");
        assertThat(nurse.safeguardingLead()).isTrue();
        assertThat(teams.safeguardingLeads(CENTRAL))
                .extracting(HubMember::username)
                .contains("school.nurse");
        assertThatThrownBy(() -> teams.add(
                        CENTRAL,
                        "school.nurse",
                        "Sam Nurse",
                        new OrganisationId("black-country-health"),
                        5,
                        false,
                        false))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsOnlyKeys("username"));
        assertThatThrownBy(() ->
                        teams.add(HALESOWEN, "someone", "Some One", new OrganisationId("dudley-cvs"), 1, false, false))
                .isInstanceOf(AccessDeniedException.class);
        teams.remove(nurse);
        assertThat(teams.team(CENTRAL)).extracting(HubMember::username).doesNotContain("school.nurse");
        assertThatThrownBy(() -> teams.remove(nurse)).isInstanceOf(ChangedBySomeoneElseException.class);
    }

    @Test
    void aCapacityChangeOverSomeoneElsesIsRefused() {
        SignedIn.admin();
        HubMember seen = member(CENTRAL, "cvs.worker");
        teams.setCapacity(seen, 11);
        assertThatThrownBy(() -> teams.setCapacity(seen, 2)).isInstanceOf(ChangedBySomeoneElseException.class);
        assertThat(member(CENTRAL, "cvs.worker").capacity()).isEqualTo(11);
        assertThatThrownBy(() -> teams.setCapacity(member(CENTRAL, "cvs.worker"), 61))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 60");
    }

    private HubMember member(HubId hub, String username) {
        return teams.team(hub).stream()
                .filter(m -> m.username().equals(username))
                .findFirst()
                .orElseThrow();
    }
}
