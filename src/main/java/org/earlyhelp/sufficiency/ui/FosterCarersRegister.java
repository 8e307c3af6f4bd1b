package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.sufficiency.FosterCarers;
import org.earlyhelp.sufficiency.TableExports;

/**
 * The foster carers' register on the forecast page: the carers with a remove button (after a
 * confirmation), a form to add or update one that says next to each field what is wrong, and the
 * register as CSV.
 */
class FosterCarersRegister extends Div {

    private final transient FosterCarers carers;
    private final transient TableExports exports;

    FosterCarersRegister(FosterCarers carers, TableExports exports) {
        this.carers = carers;
        this.exports = exports;
        H3 carersHeading = new H3(getTranslation("forecast.carers.title"));
        add(carersHeading, new Paragraph(getTranslation("forecast.carers.intro")));
        Grid<FosterCarers.Carer> grid = new Grid<>();
        grid.addColumn(FosterCarers.Carer::reference)
                .setHeader(getTranslation("forecast.carers.reference"))
                .setAutoWidth(true);
        grid.addColumn(FosterCarers.Carer::kind)
                .setHeader(getTranslation("forecast.carers.kind"))
                .setAutoWidth(true);
        grid.addColumn(FosterCarers.Carer::approvedPlaces).setHeader(getTranslation("forecast.carers.places"));
        grid.addColumn(FosterCarers.Carer::vacancies).setHeader(getTranslation("forecast.carers.vacancies"));
        grid.addColumn(c -> c.ageFrom() + " to " + c.ageTo()).setHeader(getTranslation("forecast.carers.ages"));
        grid.addComponentColumn(c -> {
                    Button remove = new Button(getTranslation("forecast.carers.remove"), e -> {
                        ConfirmDialog confirm = new ConfirmDialog();
                        confirm.setHeader(getTranslation("forecast.carers.remove-title", c.reference()));
                        confirm.setCancelable(true);
                        confirm.setCancelText(getTranslation("action.cancel"));
                        confirm.setConfirmText(getTranslation("forecast.carers.remove"));
                        confirm.addConfirmListener(x -> {
                            carers.removeCarer(c.reference());
                            grid.setItems(carers.carers());
                            Focus.afterDialog(carersHeading);
                        });
                        Confirmations.focusCancel(confirm);
                        confirm.open();
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    remove.setAriaLabel(getTranslation("forecast.carers.remove-title", c.reference()));
                    return remove;
                })
                .setHeader(getTranslation("forecast.carers.action"))
                // As wide as its button, so that the button is never cut off.
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAriaLabel(getTranslation("forecast.carers.title"));
        List<FosterCarers.Carer> register = carers.carers();
        grid.setItems(register);
        Grids.fit(grid, register.size());
        TextField reference = new TextField(getTranslation("forecast.carers.reference"));
        reference.setId("carer-reference");
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("forecast.carers.kind"));
        kind.setItems("in-house", "family and friends");
        kind.setItemLabelGenerator(k -> getTranslation("forecast.carers.kind." + Labels.slug(k)));
        kind.setValue("in-house");
        IntegerField places = new IntegerField(getTranslation("forecast.carers.places"));
        places.setValue(1);
        IntegerField vacancies = new IntegerField(getTranslation("forecast.carers.vacancies"));
        vacancies.setValue(0);
        IntegerField from = new IntegerField(getTranslation("forecast.carers.age-from"));
        from.setValue(0);
        IntegerField to = new IntegerField(getTranslation("forecast.carers.age-to"));
        to.setValue(17);
        kind.setId("carer-kind");
        places.setId("carer-places");
        vacancies.setId("carer-vacancies");
        from.setId("carer-age-from");
        to.setId("carer-age-to");
        Button save = new Button(getTranslation("forecast.carers.save"), e -> {
            try {
                carers.saveCarer(new FosterCarers.Carer(
                        reference.getValue(),
                        kind.getValue(),
                        places.getValue() == null ? 0 : places.getValue(),
                        vacancies.getValue() == null ? -1 : vacancies.getValue(),
                        from.getValue() == null ? -1 : from.getValue(),
                        to.getValue() == null ? -1 : to.getValue()));
                showProblems(Map.of(), reference, kind, places, vacancies, from, to);
                reference.clear();
                grid.setItems(carers.carers());
            } catch (ValidationException invalid) {
                showProblems(Words.of(invalid), reference, kind, places, vacancies, from, to);
            }
        });
        save.setId("save-carer");
        String title = getTranslation("forecast.carers.title");
        add(
                new FormLayout(reference, kind, places, vacancies, from, to),
                save,
                grid,
                CsvLink.of(
                        exports,
                        "carers-csv",
                        title,
                        getTranslation("sufficiency.export", title),
                        List.of(
                                getTranslation("forecast.carers.reference"),
                                getTranslation("forecast.carers.kind"),
                                getTranslation("forecast.carers.places"),
                                getTranslation("forecast.carers.vacancies"),
                                getTranslation("forecast.carers.age-from"),
                                getTranslation("forecast.carers.age-to")),
                        () -> carers.carers().stream()
                                .map(c -> List.<Object>of(
                                        c.reference(),
                                        c.kind(),
                                        c.approvedPlaces(),
                                        c.vacancies(),
                                        c.ageFrom(),
                                        c.ageTo()))
                                .toList()));
    }

    /**
     * Marks each field with its problem, or clears it: the reference, the kind, the places, the
     * vacancies, and both ages for a problem with the ages.
     */
    private static void showProblems(
            Map<String, String> problems,
            TextField reference,
            Select<String> kind,
            IntegerField places,
            IntegerField vacancies,
            IntegerField from,
            IntegerField to) {
        reference.setInvalid(problems.containsKey("reference"));
        reference.setErrorMessage(problems.get("reference"));
        kind.setInvalid(problems.containsKey("kind"));
        kind.setErrorMessage(problems.get("kind"));
        places.setInvalid(problems.containsKey("approvedPlaces"));
        places.setErrorMessage(problems.get("approvedPlaces"));
        vacancies.setInvalid(problems.containsKey("vacancies"));
        vacancies.setErrorMessage(problems.get("vacancies"));
        from.setInvalid(problems.containsKey("ages"));
        from.setErrorMessage(problems.get("ages"));
        to.setInvalid(problems.containsKey("ages"));
        to.setErrorMessage(problems.get("ages"));
    }
}
