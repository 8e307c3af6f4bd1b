package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.ValueProvider;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.DateFields;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Grids;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.sufficiency.Contracts;
import org.earlyhelp.sufficiency.ExportedTables;
import org.earlyhelp.sufficiency.PlacementCategory;
import org.earlyhelp.sufficiency.TableExports;

/**
 * Contracted beds on the sufficiency page: block, framework and spot contracts with providers,
 * their occupancy by the council's children on the page's date, empty beds and what empty block
 * beds cost; a form to add one (each problem next to its field) and removal after a confirmation.
 */
class ContractsSection extends Section {

    private final transient Contracts contracts;
    private final Grid<Contracts.Occupancy> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final NumberFormat whole = NumberFormat.getIntegerInstance(Locale.UK);
    private final NumberFormat money = NumberFormat.getCurrencyInstance(Locale.UK);
    private final DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private final Clock clock;
    private LocalDate on;
    private final H2 heading = new H2(getTranslation("contracts.title"));
    private final H3 yearHeading = new H3();
    private final Paragraph yearSummary = new Paragraph();
    private final Grid<Contracts.BedNights> yearGrid = new Grid<>();

    ContractsSection(Contracts contracts, TableExports exports, Clock clock) {
        this.clock = clock;
        this.on = WorkingCalendar.today(clock);
        this.contracts = contracts;
        money.setMaximumFractionDigits(0);
        setId("contracts");
        heading.setId("contracts-heading");
        add(heading, new Paragraph(getTranslation("contracts.intro")), Labels.define("contracts.title"));
        summary.setId("contracts-summary");
        grid.addColumn(c -> c.provider() + " (" + c.urn() + ")")
                .setHeader(getTranslation("contracts.provider"))
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation("contracts.kind." + c.kind())).setHeader(getTranslation("contracts.kind"));
        grid.addColumn(o -> Labels.category(o.category())).setHeader(getTranslation("contracts.category"));
        number(grid, c -> whole.format(c.beds()), "contracts.beds");
        number(grid, c -> whole.format(c.childrenPlaced()), "contracts.placed");
        number(grid, c -> whole.format(c.emptyBeds()), "contracts.empty");
        number(grid, c -> c.weeklyCost() == null ? "" : money.format(c.weeklyCost()), "contracts.weekly-cost");
        number(grid, c -> money.format(c.emptyCostAWeek()), "contracts.empty-cost");
        grid.addComponentColumn(this::dates).setHeader(getTranslation("contracts.dates"));
        // As wide as its button, so that the button is never cut off.
        grid.addComponentColumn(this::removeButton)
                .setHeader(getTranslation("contracts.action"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAriaLabel(getTranslation("contracts.title"));
        grid.setId("contracts-grid");
        String title = getTranslation("contracts.title");
        add(
                summary,
                grid,
                CsvLink.of(
                        exports,
                        "contracts-csv",
                        title,
                        getTranslation("sufficiency.export", title),
                        List.of(
                                getTranslation("contracts.urn"),
                                getTranslation("contracts.provider"),
                                getTranslation("contracts.kind"),
                                getTranslation("contracts.category"),
                                getTranslation("contracts.beds"),
                                getTranslation("contracts.placed"),
                                getTranslation("contracts.empty"),
                                getTranslation("contracts.weekly-cost"),
                                getTranslation("contracts.empty-cost"),
                                getTranslation("contracts.starts"),
                                getTranslation("contracts.ends"),
                                getTranslation("contracts.ends-soon-column", Contracts.RENEWAL_NOTICE_MONTHS)),
                        () -> ExportedTables.contracts(contracts.inForceOn(on), on, getTranslation("contracts.yes")),
                        () -> ExportedTables.contractsKnown(contracts.inForceOn(on))),
                yearHeading,
                yearSummary,
                Labels.define("contracts.year.table"),
                yearGrid(),
                yearCsv(exports),
                form());
    }

    /** The contracts' bed-nights over the year to the page's date: what was paid for and used. */
    private Grid<Contracts.BedNights> yearGrid() {
        yearHeading.setId("contracts-year-heading");
        yearSummary.setId("contracts-year-summary");
        yearGrid.addColumn(c -> c.provider() + " (" + c.urn() + ")")
                .setHeader(getTranslation("contracts.provider"))
                .setAutoWidth(true);
        yearGrid.addColumn(c -> getTranslation("contracts.kind." + c.kind()))
                .setHeader(getTranslation("contracts.kind"));
        number(yearGrid, c -> whole.format(c.contracted()), "contracts.year.contracted");
        number(yearGrid, c -> whole.format(c.used()), "contracts.year.used");
        number(yearGrid, c -> whole.format(c.empty()), "contracts.year.empty");
        number(yearGrid, c -> share(c.used(), c.contracted()), "contracts.year.share-used");
        number(yearGrid, c -> money.format(c.emptyCost()), "contracts.year.empty-cost");
        yearGrid.setAriaLabel(getTranslation("contracts.year.table"));
        yearGrid.setId("contracts-year-grid");
        return yearGrid;
    }

    private Anchor yearCsv(TableExports exports) {
        String title = getTranslation("contracts.year.table");
        return CsvLink.of(
                exports,
                "contracts-year-csv",
                title,
                getTranslation("sufficiency.export", title),
                List.of(
                        getTranslation("contracts.urn"),
                        getTranslation("contracts.provider"),
                        getTranslation("contracts.kind"),
                        getTranslation("contracts.beds"),
                        getTranslation("contracts.year.contracted"),
                        getTranslation("contracts.year.used"),
                        getTranslation("contracts.year.empty"),
                        getTranslation("contracts.year.empty-cost"),
                        getTranslation("contracts.year.to")),
                () -> contracts.yearTo(on).stream()
                        .map(c -> Arrays.<Object>asList(
                                c.urn(),
                                c.provider(),
                                c.kind(),
                                c.beds(),
                                c.contracted(),
                                c.used(),
                                c.empty(),
                                c.emptyCost(),
                                on))
                        .toList());
    }

    /** A column of figures, aligned to the right, under a translated header. */
    private <T> void number(Grid<T> to, ValueProvider<T, String> value, String header) {
        to.addColumn(value).setHeader(getTranslation(header)).setTextAlign(ColumnTextAlign.END);
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "" : Math.round(100.0 * part / whole) + "%";
    }

    /** Shows the contracts in force on the date, with the children placed then, and the year to it. */
    void refresh(LocalDate date) {
        on = date;
        refreshYear(date);
        List<Contracts.Occupancy> rows = contracts.inForceOn(date);
        grid.setItems(rows);
        Grids.fit(grid, rows.size());
        grid.setVisible(!rows.isEmpty());
        if (rows.isEmpty()) {
            summary.setText(getTranslation("contracts.none", day.format(date)));
            return;
        }
        int beds = rows.stream().mapToInt(Contracts.Occupancy::beds).sum();
        int empty = rows.stream().mapToInt(Contracts.Occupancy::emptyBeds).sum();
        BigDecimal cost =
                rows.stream().map(Contracts.Occupancy::emptyCostAWeek).reduce(BigDecimal.ZERO, BigDecimal::add);
        String text = getTranslation(
                "contracts.summary", day.format(date), whole.format(beds), whole.format(empty), money.format(cost));
        long ending = rows.stream().filter(c -> c.endsSoon(date)).count();
        if (ending > 0) {
            text += " "
                    + getTranslation(
                            ending == 1 ? "contracts.ending-one" : "contracts.ending",
                            ending,
                            Contracts.RENEWAL_NOTICE_MONTHS);
        }
        summary.setText(text);
    }

    private void refreshYear(LocalDate date) {
        List<Contracts.BedNights> rows = contracts.yearTo(date);
        yearHeading.setText(getTranslation("contracts.year.title", day.format(date)));
        yearGrid.setItems(rows);
        Grids.fit(yearGrid, rows.size());
        yearGrid.setVisible(!rows.isEmpty());
        if (rows.isEmpty()) {
            yearSummary.setText(getTranslation("contracts.year.none"));
            return;
        }
        long contracted =
                rows.stream().mapToLong(Contracts.BedNights::contracted).sum();
        long used = rows.stream().mapToLong(Contracts.BedNights::used).sum();
        BigDecimal cost = rows.stream().map(Contracts.BedNights::emptyCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        yearSummary.setText(getTranslation(
                "contracts.year.summary",
                whole.format(used),
                whole.format(contracted),
                share(used, contracted),
                money.format(cost)));
    }

    /** When the contract is in force, and a flag when it ends soon enough to plan its renewal. */
    private Span dates(Contracts.Occupancy c) {
        Span dates = new Span(day.format(c.startsOn()) + (c.endsOn() == null ? "" : " to " + day.format(c.endsOn())));
        if (c.endsSoon(on)) {
            Span soon = new Span(getTranslation("contracts.ends-soon", Contracts.RENEWAL_NOTICE_MONTHS));
            soon.addClassName("warning-text");
            dates.add(new Span(" · "), soon);
        }
        return dates;
    }

    private Button removeButton(Contracts.Occupancy c) {
        Button remove = new Button(getTranslation("contracts.remove"), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("contracts.remove-title", c.provider()));
            confirm.setText(getTranslation("contracts.remove-text"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation("contracts.remove"));
            confirm.addConfirmListener(x -> {
                contracts.remove(c.id());
                refresh(on);
                // The row's button has gone with the row.
                Focus.afterDialog(heading);
            });
            Confirmations.focusCancel(confirm);
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel(getTranslation("contracts.remove-title", c.provider()));
        return remove;
    }

    private Div form() {
        TextField urn = new TextField(getTranslation("contracts.urn"));
        urn.setId("contract-urn");
        urn.setHelperText(getTranslation("contracts.urn-help"));
        TextField provider = new TextField(getTranslation("contracts.provider"));
        provider.setId("contract-provider");
        provider.setMaxLength(200);
        Select<PlacementCategory> category = new Select<>();
        category.setLabel(getTranslation("contracts.category"));
        category.setItems(PlacementCategory.commissioned());
        category.setItemLabelGenerator(Labels::category);
        category.setValue(PlacementCategory.CHILDRENS_HOMES);
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("contracts.kind"));
        kind.setItems(Contracts.KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("contracts.kind." + k));
        kind.setValue("block");
        IntegerField beds = new IntegerField(getTranslation("contracts.beds"));
        beds.setId("contract-beds");
        beds.setMin(1);
        beds.setMax(500);
        beds.setValue(1);
        beds.setStepButtonsVisible(true);
        BigDecimalField cost = new BigDecimalField(getTranslation("contracts.weekly-cost"));
        cost.setId("contract-cost");
        cost.setHelperText(getTranslation("contracts.weekly-cost-help"));
        DatePicker starts = DateFields.of(getTranslation("contracts.starts"));
        starts.setValue(WorkingCalendar.today(clock));
        DatePicker ends = DateFields.of(getTranslation("contracts.ends"));
        ends.setHelperText(getTranslation("contracts.ends-help"));
        Map<String, HasValidation> fields = Map.of(
                "urn", urn,
                "provider", provider,
                "category", category,
                "kind", kind,
                "beds", beds,
                "weeklyCost", cost,
                "startsOn", starts,
                "endsOn", ends);
        Paragraph added = new Paragraph();
        added.setId("contract-added");
        added.getElement().setAttribute("aria-live", "polite");
        Button add = new Button(getTranslation("contracts.add"), e -> {
            added.setText("");
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                contracts.add(new Contracts.Draft(
                        urn.getValue(),
                        provider.getValue(),
                        category.getValue(),
                        kind.getValue(),
                        beds.getValue() == null ? 0 : beds.getValue(),
                        cost.getValue(),
                        starts.getValue(),
                        ends.getValue()));
                boolean inForce = !starts.getValue().isAfter(on)
                        && (ends.getValue() == null || !ends.getValue().isBefore(on));
                added.setText(getTranslation(
                        inForce ? "contracts.added" : "contracts.added-not-in-force",
                        provider.getValue().strip(),
                        day.format(on)));
                urn.clear();
                provider.clear();
                cost.clear();
                refresh(on);
            } catch (ValidationException invalid) {
                Words.of(invalid).forEach((field, message) -> {
                    HasValidation f = fields.get(field);
                    if (f != null) {
                        f.setErrorMessage(message);
                        f.setInvalid(true);
                    }
                });
            }
        });
        add.setId("add-contract");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div box = new Div(
                new H3(getTranslation("contracts.add-title")),
                new FormLayout(urn, provider, category, kind, beds, cost, starts, ends),
                add,
                added);
        return box;
    }
}
