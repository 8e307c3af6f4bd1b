package org.earlyhelp.hubs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub team page without a browser (Vaadin's browserless testing, on the service tests' own
 * application): what the form says next to each field, that nothing is saved until it is right,
 * and what a hub lead sees when someone else changed a capacity meanwhile. The page's look and its
 * accessibility are checked in the browser ({@code HubTeamIT}). Each test adds and removes a member
 * of its own, so the demonstration team other tests read is as it was.
 */
@OwnDataApplicationTest
class HubTeamViewTests extends SpringBrowserlessTest {

    static final HubId BRIERLEY = new HubId("brierley-hill");

    @Autowired
    HubTeams teams;

    private String username;

    @BeforeEach
    void signIn() {
        username = "view.test." + UUID.randomUUID().toString().substring(0, 8);
        SignedIn.as("lead.brierley-hill", Set.of(Role.HUB_LEAD), Set.of(BRIERLEY.value()));
    }

    @AfterEach
    void removeOwnMemberAndSignOut() {
        SignedIn.as("lead.brierley-hill", Set.of(Role.HUB_LEAD), Set.of(BRIERLEY.value()));
        teams.team(BRIERLEY).stream().filter(m -> m.username().equals(username)).forEach(teams::remove);
        SignedIn.nobody();
    }

    @Test
    void anEmptyNewMemberIsRefusedNextToEachFieldAndNothingIsSaved() {
        navigate(HubTeamView.class);
        int before = teams.team(BRIERLEY).size();
        test($(Button.class).id("add-member")).click();
        test($(Button.class).id("save-member")).click();

        TextField name = $(TextField.class).id("member-username");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("A user name is");
        assertThat($(TextField.class).id("member-name").isInvalid()).isTrue();
        assertThat($(ComboBox.class).id("member-organisation").isInvalid()).isTrue();
        assertThat($(Dialog.class).single().isOpened())
                .as("the form stays open")
                .isTrue();
        assertThat(teams.team(BRIERLEY)).as("nothing saved").hasSize(before);

        test(name).setValue(username);
        test($(TextField.class).id("member-name")).setValue("Yasmin View-Test");
        @SuppressWarnings("unchecked")
        ComboBox<Object> organisation = $(ComboBox.class).id("member-organisation");
        test(organisation).selectItem("Dudley Council for Voluntary Service");
        test($(Button.class).id("save-member")).click();

        assertThat($(Dialog.class).all()).as("the form closed").noneMatch(Dialog::isOpened);
        assertThat(teams.team(BRIERLEY))
                .filteredOn(m -> m.username().equals(username))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.displayName()).isEqualTo("Yasmin View-Test");
                    assertThat(m.capacity()).isZero();
                });
        assertThat(gridNames()).as("the team drawn again").contains("Yasmin View-Test");
    }

    @Test
    void aCapacityOutOfRangeIsRefusedNextToTheFieldAndAValidOneIsSaved() {
        HubMember member = ownMember();
        navigate(HubTeamView.class);
        test(changeButtonOf(member)).click();

        IntegerField capacity = $(IntegerField.class).id("capacity");
        // Typed into the field as a person types it: the tester itself refuses values past the
        // field's maximum, but a browser sends what was typed, and the page must refuse it.
        capacity.setValue(HubTeams.MAX_CAPACITY + 1);
        test($(Button.class).id("save-capacity")).click();
        assertThat(capacity.isInvalid()).isTrue();
        assertThat(capacity.getErrorMessage()).contains("whole number from 0 to " + HubTeams.MAX_CAPACITY);
        assertThat(capacityOf(username)).as("nothing saved").isZero();

        test(capacity).setValue(17);
        test($(Button.class).id("save-capacity")).click();
        assertThat($(IntegerField.class).withId("capacity").exists())
                .as("the dialog closed")
                .isFalse();
        assertThat(capacityOf(username)).isEqualTo(17);
    }

    @Test
    void aCapacityChangedMeanwhileBySomeoneElseIsNotOverwritten() {
        HubMember member = ownMember();
        navigate(HubTeamView.class);
        test(changeButtonOf(member)).click();
        // Another hub lead's change lands while this dialog is open.
        teams.setCapacity(member, 5);

        IntegerField capacity = $(IntegerField.class).id("capacity");
        test(capacity).setValue(9);
        test($(Button.class).id("save-capacity")).click();
        assertThat(capacity.isInvalid()).isTrue();
        assertThat(capacity.getErrorMessage()).isNotBlank();
        assertThat(capacityOf(username)).as("the other change stands").isEqualTo(5);
    }

    @Test
    void aPractitionerCannotOpenTheTeamPage() {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        navigate("hub/team", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(HubTeamView.class);
        assertThat($(Grid.class).withId("team-grid").exists()).isFalse();
    }

    private HubMember ownMember() {
        teams.add(BRIERLEY, username, "Casey View-Test", new OrganisationId("dudley-cvs"), 0, false, false);
        return teams.team(BRIERLEY).stream()
                .filter(m -> m.username().equals(username))
                .findFirst()
                .orElseThrow();
    }

    /** The row's "Change" button: drawn by the grid's renderer, so found through the row's cell. */
    private Button changeButtonOf(HubMember member) {
        @SuppressWarnings("unchecked")
        Grid<HubMember> grid = $(Grid.class).id("team-grid");
        GridTester<Grid<HubMember>, HubMember> rows = test(grid);
        String label = "Change capacity of " + member.displayName();
        for (int row = 0; row < rows.size(); row++) {
            if (rows.getRow(row).username().equals(member.username())) {
                return rows.getCellComponent(row, 4)
                        .getChildren()
                        .filter(Button.class::isInstance)
                        .map(Button.class::cast)
                        .filter(b -> label.equals(b.getElement().getAttribute("aria-label")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no button labelled " + label));
            }
        }
        throw new AssertionError("no row for " + member.username());
    }

    private int capacityOf(String name) {
        return teams.team(BRIERLEY).stream()
                .filter(m -> m.username().equals(name))
                .mapToInt(HubMember::capacity)
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<String> gridNames() {
        Grid<HubMember> grid = $(Grid.class).id("team-grid");
        return grid.getGenericDataView().getItems().map(HubMember::displayName).toList();
    }
}
