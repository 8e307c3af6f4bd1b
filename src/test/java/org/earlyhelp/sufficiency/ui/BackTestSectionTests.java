package org.earlyhelp.sufficiency.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.sufficiency.Forecasts;
import org.earlyhelp.sufficiency.TableExports;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forecast page's back-test, without a browser: a missing date is refused next to the field
 * and nothing is run; a complete one shows the figures the service gives for the same dates.
 */
@OwnDataApplicationTest
class BackTestSectionTests extends SpringBrowserlessTest {

    @Autowired
    Forecasts forecasts;

    @Autowired
    TableExports exports;

    private LocalDate end;

    @BeforeEach
    void signInAndShowTheBackTest() {
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        end = forecasts.dataEnd().orElse(today);
        UI.getCurrent().add(new BackTestSection(forecasts, exports, end));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aMissingDateIsRefusedNextToItAndNothingRuns() {
        DatePicker from = $(DatePicker.class).id("back-test-from");
        from.setValue(null);
        test($(Button.class).id("run-back-test")).click();

        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).isNotBlank();
        assertThat($(DatePicker.class).id("back-test-to").isInvalid()).isFalse();
        assertThat($(Div.class).id("back-test").getChildren()).as("nothing run").isEmpty();
    }

    @Test
    void aBackTestShowsTheServicesFiguresForTheSameDates() {
        test($(Button.class).id("run-back-test")).click();

        Forecasts.BackTest expected = forecasts.backTest(end.minusYears(1), end, end.minusYears(2), end.minusYears(1));
        NumberFormat whole = NumberFormat.getIntegerInstance(Locale.UK);
        Div result = $(Div.class).id("back-test");
        String said = result.getChildren()
                .filter(Paragraph.class::isInstance)
                .map(p -> ((Paragraph) p).getText())
                .findFirst()
                .orElseThrow();
        assertThat(said)
                .contains(whole.format(Math.round(expected.forecastTotal())))
                .contains(whole.format(expected.actualTotal()));
        assertThat(result.getChildren().filter(Grid.class::isInstance).count()).isEqualTo(1);
        assertThat(((Grid<?>) result.getChildren()
                                .filter(Grid.class::isInstance)
                                .findFirst()
                                .orElseThrow())
                        .getListDataView()
                        .getItemCount())
                .isEqualTo(expected.byCategory().size());
    }
}
