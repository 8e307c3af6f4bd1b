package org.earlyhelp.sufficiency.ui;

import static java.util.Objects.requireNonNull;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.insight.StepUpTrend;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Disclosure;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.SvgChart;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.sufficiency.DemonstrationSupply;
import org.earlyhelp.sufficiency.ExportedTables;
import org.earlyhelp.sufficiency.Forecasts;
import org.earlyhelp.sufficiency.FosterCarers;
import org.earlyhelp.sufficiency.PlacementSupply;
import org.earlyhelp.sufficiency.TableExports;

/**
 * The forecast for commissioners: rates from a reference period, up to five years ahead with a
 * band, exit routes, scenarios side by side, spend, the gap against supply, and a back-test.
 */
@View
@Route("sufficiency/forecast")
@Menu(order = 41, title = "menu.forecast")
@RolesAllowed({Role.COMMISSIONER_AUTHORITY, Role.ADMIN_AUTHORITY})
class ForecastView extends Page {

    private final transient Forecasts forecasts;
    private final transient FosterCarers carers;
    private final transient PlacementSupply placementSupply;
    private final transient StepUpTrend stepUps;
    private final transient TableExports exports;
    private final NumberFormat whole = NumberFormat.getIntegerInstance(Locale.UK);
    private final NumberFormat money = NumberFormat.getCurrencyInstance(Locale.UK);
    private final DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final IntegerField years = new IntegerField();
    private final NumberField inflation = new NumberField();
    private final CheckboxGroup<Forecasts.Scenario> compare = new CheckboxGroup<>();
    private final Div results = new Div();

    ForecastView(
            Forecasts forecasts,
            FosterCarers carers,
            PlacementSupply placementSupply,
            StepUpTrend stepUps,
            TableExports exports,
            DemonstrationSupply demonstration) {
        this.placementSupply = placementSupply;
        super("");
        this.forecasts = forecasts;
        this.carers = carers;
        this.stepUps = stepUps;
        this.exports = exports;
        money.setMaximumFractionDigits(0);
        setHeading(getTranslation("forecast.title"));
        add(new Paragraph(getTranslation("forecast.intro")));
        DemonstrationSupply.Held madeUp = demonstration.held();
        if (madeUp.any()) {
            Paragraph notice = new Paragraph(
                    madeUp.children() > 0
                            ? getTranslation("sufficiency.demonstration.returns")
                            : getTranslation(
                                    "forecast.demonstration.supply",
                                    madeUp.providers(),
                                    madeUp.contracts(),
                                    madeUp.supplyFigures(),
                                    madeUp.carers()));
            notice.setId("demonstration-notice");
            notice.addClassName("notice");
            add(notice);
        }
        LocalDate end = forecasts.dataEnd().orElse(null);
        if (end == null) {
            Paragraph empty = new Paragraph(getTranslation("forecast.no-data"));
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        LocalDate referenceEnd = forecasts.defaultReferenceEnd().orElse(end);
        from.setLabel(getTranslation("forecast.from"));
        from.setLocale(Locale.UK);
        from.setValue(referenceEnd.minusYears(2));
        to.setLabel(getTranslation("forecast.to"));
        to.setLocale(Locale.UK);
        to.setValue(referenceEnd);
        to.setHelperText(getTranslation("forecast.to-help"));
        years.setLabel(getTranslation("forecast.years"));
        years.setMin(1);
        years.setMax(5);
        years.setValue(3);
        years.setStepButtonsVisible(true);
        inflation.setLabel(getTranslation("forecast.inflation"));
        inflation.setValue(3.0);
        compare.setLabel(getTranslation("forecast.compare"));
        compare.setItemLabelGenerator(Forecasts.Scenario::name);
        compare.setId("compare-scenarios");
        Button run = new Button(getTranslation("forecast.run"), e -> run());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("run-forecast");
        results.setId("forecast-results");
        add(
                new FormLayout(from, to, years, inflation),
                scenarioForm(),
                compare,
                run,
                results,
                supplyForm(),
                new BackTestSection(forecasts, exports, end));
        refreshScenarios();
    }

    private Section scenarioForm() {
        Section section = new Section(new H2(getTranslation("forecast.scenario.title")));
        section.add(new Paragraph(getTranslation("forecast.scenario.intro")));
        TextField name = new TextField(getTranslation("forecast.scenario.name"));
        name.setId("scenario-name");
        NumberField entries = factor("forecast.scenario.entry-factor");
        NumberField exits = factor("forecast.scenario.exit-factor");
        NumberField moves = factor("forecast.scenario.move-factor");
        NumberField added = new NumberField(getTranslation("forecast.scenario.entries-added"));
        added.setValue(0.0);
        IntegerField atHome = new IntegerField(getTranslation("forecast.scenario.discharge"));
        atHome.setValue(0);
        atHome.setMin(0);
        atHome.setId("scenario-discharge");
        IntegerField sgo = new IntegerField(getTranslation("forecast.scenario.sgo"));
        sgo.setValue(0);
        sgo.setMin(0);
        sgo.setId("scenario-sgo");
        NumberField earlyHelp = new NumberField(getTranslation("forecast.scenario.early-help"));
        earlyHelp.setValue(0.0);
        earlyHelp.setMin(0);
        earlyHelp.setMax(100);
        earlyHelp.setHelperText(getTranslation("forecast.scenario.early-help-help"));
        earlyHelp.setId("scenario-early-help");
        // The share is taken from the referrals module's step-ups (through the dashboards' read
        // model) when there are figures for two years: offered, never applied without a click.
        StepUpTrend.StepUps trend = stepUps.lastTwoYears();
        Paragraph fromReferrals = new Paragraph();
        fromReferrals.setId("early-help-figures");
        Button useIt = new Button(getTranslation("forecast.scenario.early-help-use"));
        useIt.setId("use-early-help-figure");
        trend.fall()
                .ifPresentOrElse(
                        fall -> {
                            fromReferrals.setText(getTranslation(
                                    "forecast.scenario.early-help-figures",
                                    trend.stepUpsYearBefore(),
                                    trend.stepUpsLastYear(),
                                    trend.lastYearEnds().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)),
                                    String.format(Locale.UK, "%.1f", fall * 100)));
                            useIt.addClickListener(e -> earlyHelp.setValue(Math.round(fall * 1000) / 10.0));
                        },
                        () -> {
                            fromReferrals.setText(getTranslation("forecast.scenario.early-help-no-figures"));
                            useIt.setVisible(false);
                        });
        Button save = new Button(getTranslation("forecast.scenario.save"), e -> {
            try {
                forecasts.save(new Forecasts.Scenario(
                        null,
                        name.getValue(),
                        value(entries, 1),
                        value(added, 0),
                        value(exits, 1),
                        value(moves, 1),
                        atHome.getValue() == null ? 0 : atHome.getValue(),
                        sgo.getValue() == null ? 0 : sgo.getValue(),
                        value(earlyHelp, 0) / 100.0));
                name.clear();
                name.setInvalid(false);
                atHome.setInvalid(false);
                sgo.setInvalid(false);
                refreshScenarios();
            } catch (ValidationException invalid) {
                Map<String, String> problems = new LinkedHashMap<>(Words.of(invalid));
                String discharge = problems.remove("discharge");
                atHome.setInvalid(discharge != null);
                atHome.setErrorMessage(discharge);
                String toSgo = problems.remove("sgo");
                sgo.setInvalid(toSgo != null);
                sgo.setErrorMessage(toSgo);
                name.setInvalid(!problems.isEmpty());
                name.setErrorMessage(String.join(" ", problems.values()));
            }
        });
        save.setId("save-scenario");
        section.add(
                new FormLayout(name, entries, added, exits, moves, atHome, sgo, earlyHelp), fromReferrals, useIt, save);
        return section;
    }

    private NumberField factor(String key) {
        NumberField f = new NumberField(getTranslation(key));
        f.setValue(1.0);
        f.setMin(0);
        f.setMax(5);
        f.setStep(0.05);
        return f;
    }

    private static double value(NumberField f, double otherwise) {
        return f.getValue() == null ? otherwise : f.getValue();
    }

    private void refreshScenarios() {
        compare.setItems(forecasts.scenarios());
    }

    private void run() {
        results.removeAll();
        Forecasts.Forecast forecast;
        try {
            forecast = forecasts.forecast(
                    from.getValue(),
                    to.getValue(),
                    years.getValue() == null ? 3 : years.getValue(),
                    inflation.getValue() == null ? 0 : inflation.getValue(),
                    new ArrayList<>(compare.getValue()));
        } catch (ValidationException invalid) {
            Notification.show(String.join(" ", Words.of(invalid).values()), 6000, Notification.Position.MIDDLE);
            return;
        }
        results.add(new Paragraph(getTranslation(
                "forecast.measured",
                day.format(forecast.referenceFrom()),
                day.format(forecast.referenceTo()),
                String.format(Locale.UK, "%.0f", forecast.entriesAYear()))));
        for (String note : forecast.notes()) {
            Paragraph capped = new Paragraph(note);
            capped.addClassName("field-error");
            capped.addClassName("forecast-note");
            results.add(capped);
        }
        Forecasts.Projection base = forecast.projections().getFirst();
        Forecasts.Forecast shown = forecast;
        results.add(
                new H3(getTranslation("forecast.chart")),
                ForecastOverTime.chart(
                        forecast, this::getTranslation, DateTimeFormatter.ofPattern("MMM yy", Locale.UK)),
                Disclosure.of(
                        getTranslation("forecast.chart.table"),
                        () -> ForecastOverTime.table(shown, this::getTranslation, whole)),
                Labels.define("forecast.chart"),
                CsvLink.forTable(
                        exports,
                        "forecast-over-time-csv",
                        getTranslation("forecast.chart"),
                        ForecastOverTime.headers(forecast, this::getTranslation),
                        ForecastOverTime.csvRows(forecast)));

        Grid<Forecasts.Projection> side = new Grid<>();
        side.addColumn(p -> p.scenario().name())
                .setHeader(getTranslation("forecast.scenario"))
                .setAutoWidth(true);
        side.addColumn(p -> whole.format(Math.round(p.last().total())))
                .setHeader(getTranslation("forecast.in-care-end"))
                .setTextAlign(ColumnTextAlign.END);
        side.addColumn(p -> getTranslation(
                        "forecast.range",
                        whole.format(Math.round(p.last().low())),
                        whole.format(Math.round(p.last().high()))))
                .setHeader(getTranslation("forecast.band"));
        for (String route : base.last().exitsSoFar().keySet()) {
            side.addColumn(p -> whole.format(
                            Math.round(requireNonNull(p.last().exitsSoFar().get(route)))))
                    .setHeader(Labels.exit(route))
                    .setTextAlign(ColumnTextAlign.END);
        }
        side.addColumn(p -> money.format(p.last().spendSoFar()))
                .setHeader(getTranslation("forecast.spend"))
                .setTextAlign(ColumnTextAlign.END);
        side.setItems(forecast.projections());
        side.setAllRowsVisible(true);
        side.setId("side-by-side");
        side.setAriaLabel(getTranslation("forecast.side-by-side"));
        List<String> sideHeaders = new ArrayList<>(List.of(
                getTranslation("forecast.scenario"),
                getTranslation("forecast.in-care-end"),
                getTranslation("forecast.band-low"),
                getTranslation("forecast.band-high")));
        List<String> routes = new ArrayList<>(base.last().exitsSoFar().keySet());
        sideHeaders.addAll(routes);
        sideHeaders.add(getTranslation("forecast.spend"));
        List<List<Object>> sideRows = new ArrayList<>();
        for (Forecasts.Projection p : forecast.projections()) {
            List<Object> row = new ArrayList<>(List.of(
                    p.scenario().name(),
                    new TableExports.Children(p.last().total()),
                    new TableExports.Children(p.last().low()),
                    new TableExports.Children(p.last().high())));
            routes.forEach(route -> row.add(new TableExports.Children(
                    requireNonNull(p.last().exitsSoFar().get(route)))));
            row.add(Math.round(p.last().spendSoFar()));
            sideRows.add(row);
        }
        results.add(
                new H3(getTranslation("forecast.side-by-side")),
                side,
                Labels.define("forecast.side-by-side"),
                CsvLink.forTable(
                        exports, "side-by-side-csv", getTranslation("forecast.side-by-side"), sideHeaders, sideRows));

        Grid<Forecasts.Gap> gaps = new Grid<>();
        gaps.addColumn(g -> Labels.category(g.category()))
                .setHeader(getTranslation("forecast.gap.category"))
                .setAutoWidth(true);
        gaps.addColumn(g -> whole.format(Math.round(g.need())))
                .setHeader(getTranslation("forecast.gap.need"))
                .setTextAlign(ColumnTextAlign.END);
        gaps.addColumn(g -> whole.format(Math.round(g.high())))
                .setHeader(getTranslation("forecast.gap.high"))
                .setTextAlign(ColumnTextAlign.END);
        gaps.addColumn(g -> whole.format(g.supply()))
                .setHeader(getTranslation("forecast.gap.supply"))
                .setTextAlign(ColumnTextAlign.END);
        gaps.addColumn(g -> whole.format(Math.round(g.gap())))
                .setHeader(getTranslation("forecast.gap.gap"))
                .setTextAlign(ColumnTextAlign.END);
        List<Forecasts.Gap> gap = forecasts.gap(base);
        gaps.setItems(gap);
        gaps.setAllRowsVisible(true);
        gaps.setId("gap");
        gaps.setAriaLabel(getTranslation("forecast.gap.title"));
        List<SvgChart.Bar> gapBars = new ArrayList<>();
        gap.forEach(g -> gapBars.add(
                new SvgChart.Bar(Labels.category(g.category()), g.gap(), whole.format(Math.round(g.gap())))));
        results.add(
                new H3(getTranslation("forecast.gap.title")),
                new Paragraph(getTranslation("forecast.gap.intro")),
                gaps,
                Labels.define("forecast.gap.title"),
                SvgChart.bars(getTranslation("forecast.gap.title"), gapBars, 0),
                CsvLink.forTable(
                        exports,
                        "gap-csv",
                        getTranslation("forecast.gap.title"),
                        List.of(
                                getTranslation("forecast.gap.category"),
                                getTranslation("forecast.gap.need"),
                                getTranslation("forecast.gap.high"),
                                getTranslation("forecast.gap.supply"),
                                getTranslation("forecast.gap.gap")),
                        ExportedTables.gaps(gap),
                        ExportedTables.gapsKnown(base.last())));
        results.add(new ForecastGapSections(exports)
                .byArea(forecasts.gapByArea(base), base.last().total()));
        results.add(new ForecastGapSections(exports).fosteringByAge(carers.fosteringGapByAge(base)));
    }

    private Section supplyForm() {
        Section section = new SupplySection(placementSupply);
        section.add(new FosterCarersRegister(carers, exports));
        return section;
    }
}
