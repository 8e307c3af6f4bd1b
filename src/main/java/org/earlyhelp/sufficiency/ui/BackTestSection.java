package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.sufficiency.ExportedTables;
import org.earlyhelp.sufficiency.Forecasts;
import org.earlyhelp.sufficiency.PlacementCategory;
import org.earlyhelp.sufficiency.TableExports;

/**
 * The back-test: the forecast made from a reference period, set against what then happened, with
 * the error and whether the actual total fell within the band.
 */
final class BackTestSection extends Section {

    private final transient Forecasts forecasts;
    private final transient TableExports exports;
    private final NumberFormat whole = NumberFormat.getIntegerInstance(Locale.UK);
    private final DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    BackTestSection(Forecasts forecasts, TableExports exports, LocalDate end) {
        this.forecasts = forecasts;
        this.exports = exports;
        add(new H2(getTranslation("forecast.back.title")));
        add(new Paragraph(getTranslation("forecast.back.intro")), Labels.define("forecast.back.title"));
        DatePicker start = new DatePicker(getTranslation("forecast.back.from"));
        start.setLocale(Locale.UK);
        start.setValue(end.minusYears(1));
        start.setId("back-test-from");
        DatePicker until = new DatePicker(getTranslation("forecast.back.to"));
        until.setLocale(Locale.UK);
        until.setValue(end);
        until.setHelperText(getTranslation("forecast.back.to-help"));
        until.setId("back-test-to");
        DatePicker referenceFrom = new DatePicker(getTranslation("forecast.back.reference-from"));
        referenceFrom.setLocale(Locale.UK);
        referenceFrom.setValue(end.minusYears(2));
        referenceFrom.setId("back-test-reference-from");
        DatePicker referenceTo = new DatePicker(getTranslation("forecast.back.reference-to"));
        referenceTo.setLocale(Locale.UK);
        referenceTo.setValue(end.minusYears(1));
        referenceTo.setHelperText(getTranslation("forecast.back.reference-help"));
        referenceTo.setId("back-test-reference-to");
        // The reference period follows the start (the year before it) until someone changes it.
        start.addValueChangeListener(e -> {
            if (e.isFromClient()
                    && e.getValue() != null
                    && e.getOldValue() != null
                    && e.getOldValue().equals(referenceTo.getValue())
                    && e.getOldValue().minusYears(1).equals(referenceFrom.getValue())) {
                referenceTo.setValue(e.getValue());
                referenceFrom.setValue(e.getValue().minusYears(1));
            }
        });
        Div result = new Div();
        result.setId("back-test");
        Button run = new Button(getTranslation("forecast.back.run"), e -> {
            result.removeAll();
            for (DatePicker picker : List.of(start, until, referenceFrom, referenceTo)) {
                picker.setInvalid(false);
            }
            if (start.getValue() == null
                    || until.getValue() == null
                    || referenceFrom.getValue() == null
                    || referenceTo.getValue() == null) {
                for (DatePicker picker : List.of(start, until, referenceFrom, referenceTo)) {
                    if (picker.getValue() == null) {
                        picker.setErrorMessage(getTranslation("forecast.back.date-needed"));
                        picker.setInvalid(true);
                    }
                }
                return;
            }
            try {
                Forecasts.BackTest t = forecasts.backTest(
                        start.getValue(), until.getValue(), referenceFrom.getValue(), referenceTo.getValue());
                result.add(new Paragraph(getTranslation(
                        "forecast.back.result",
                        day.format(t.from()),
                        day.format(t.to()),
                        whole.format(Math.round(t.forecastTotal())),
                        whole.format(Math.round(t.low())),
                        whole.format(Math.round(t.high())),
                        whole.format(t.actualTotal()),
                        String.format(Locale.UK, "%+.1f", t.errorPercent()),
                        getTranslation(t.withinBand() ? "forecast.back.within" : "forecast.back.outside"),
                        day.format(t.referenceFrom()),
                        day.format(t.referenceTo()))));
                Grid<Map.Entry<PlacementCategory, double[]>> grid = new Grid<>();
                grid.addColumn(x -> Labels.category(x.getKey()))
                        .setHeader(getTranslation("forecast.gap.category"))
                        .setAutoWidth(true);
                grid.addColumn(x -> whole.format(Math.round(x.getValue()[0])))
                        .setHeader(getTranslation("forecast.back.forecast"))
                        .setTextAlign(ColumnTextAlign.END);
                grid.addColumn(x -> whole.format(Math.round(x.getValue()[1])))
                        .setHeader(getTranslation("forecast.back.actual"))
                        .setTextAlign(ColumnTextAlign.END);
                grid.setItems(new ArrayList<>(t.byCategory().entrySet()));
                grid.setAllRowsVisible(true);
                grid.setAriaLabel(getTranslation("forecast.back.title"));
                result.add(
                        grid,
                        CsvLink.forTable(
                                exports,
                                "back-test-csv",
                                getTranslation("forecast.back.title"),
                                List.of(
                                        getTranslation("forecast.gap.category"),
                                        getTranslation("forecast.back.forecast"),
                                        getTranslation("forecast.back.actual")),
                                ExportedTables.backTest(t),
                                ExportedTables.backTestKnown(t)));
            } catch (ValidationException invalid) {
                String dates = Words.of(invalid).get("backTest");
                if (dates != null) {
                    until.setErrorMessage(dates);
                    until.setInvalid(true);
                }
                String reference = Words.of(invalid).get("backTestReference");
                if (reference != null) {
                    referenceTo.setErrorMessage(reference);
                    referenceTo.setInvalid(true);
                }
                result.add(new Paragraph(String.join(" ", Words.of(invalid).values())));
            }
        });
        run.setId("run-back-test");
        add(new FormLayout(start, until, referenceFrom, referenceTo), run, result);
    }
}
