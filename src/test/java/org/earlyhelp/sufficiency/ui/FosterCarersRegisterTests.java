package org.earlyhelp.sufficiency.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.Role;
import org.earlyhelp.sufficiency.FosterCarers;
import org.earlyhelp.sufficiency.TableExports;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The foster carers' register on the forecast page, without a browser: a wrong carer is refused
 * with the problem next to each field it concerns and nothing saved; a right one is saved and
 * listed. Each test's carer has a reference of its own, removed afterwards.
 */
@OwnDataApplicationTest
class FosterCarersRegisterTests extends SpringBrowserlessTest {

    @Autowired
    FosterCarers carers;

    @Autowired
    TableExports exports;

    private String reference;

    @BeforeEach
    void signInAndShowTheRegister() {
        reference = "VT-" + UUID.randomUUID().toString().substring(0, 8);
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        UI.getCurrent().add(new FosterCarersRegister(carers, exports));
    }

    @AfterEach
    void removeOwnCarer() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        if (carers.carers().stream().anyMatch(c -> c.reference().equals(reference))) {
            carers.removeCarer(reference);
        }
        SignedIn.nobody();
    }

    @Test
    void aWrongCarerIsRefusedNextToEachFieldItConcernsAndNothingIsSaved() {
        List<FosterCarers.Carer> before = carers.carers();
        test($(TextField.class).id("carer-reference")).setValue("Mrs Smith!");
        test($(IntegerField.class).id("carer-places")).setValue(2);
        test($(IntegerField.class).id("carer-vacancies")).setValue(3);
        test($(IntegerField.class).id("carer-age-from")).setValue(5);
        test($(IntegerField.class).id("carer-age-to")).setValue(1);
        test($(Button.class).id("save-carer")).click();

        assertThat($(TextField.class).id("carer-reference").isInvalid()).isTrue();
        assertThat($(TextField.class).id("carer-reference").getErrorMessage()).isNotBlank();
        assertThat($(IntegerField.class).id("carer-vacancies").isInvalid()).isTrue();
        assertThat($(IntegerField.class).id("carer-age-from").isInvalid()).isTrue();
        assertThat($(IntegerField.class).id("carer-age-to").isInvalid()).isTrue();
        assertThat($(IntegerField.class).id("carer-places").isInvalid())
                .as("two places is right")
                .isFalse();
        assertThat(carers.carers()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aRightCarerIsSavedListedAndTheFieldsCleared() {
        test($(TextField.class).id("carer-reference")).setValue("Mrs Smith!");
        test($(Button.class).id("save-carer")).click();
        assertThat($(TextField.class).id("carer-reference").isInvalid()).isTrue();

        test($(TextField.class).id("carer-reference")).setValue(reference);
        test($(IntegerField.class).id("carer-places")).setValue(2);
        test($(IntegerField.class).id("carer-vacancies")).setValue(1);
        test($(IntegerField.class).id("carer-age-from")).setValue(0);
        test($(IntegerField.class).id("carer-age-to")).setValue(4);
        test($(Button.class).id("save-carer")).click();

        assertThat($(TextField.class).id("carer-reference").isInvalid())
                .as("the earlier problem is cleared")
                .isFalse();
        assertThat($(TextField.class).id("carer-reference").getValue()).isEmpty();
        assertThat(carers.carers())
                .filteredOn(c -> c.reference().equals(reference))
                .containsExactly(new FosterCarers.Carer(reference, "in-house", 2, 1, 0, 4));
        @SuppressWarnings("unchecked")
        Grid<FosterCarers.Carer> grid = $(Grid.class).single();
        assertThat(grid.getGenericDataView().getItems().map(FosterCarers.Carer::reference))
                .contains(reference);
    }
}
