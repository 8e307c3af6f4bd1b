package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.Serializable;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.SvgChart;
import org.earlyhelp.shared.ui.Uploads;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.WorkPanel;
import org.earlyhelp.shared.work.BackgroundWork;
import org.earlyhelp.sufficiency.CareReturns;
import org.earlyhelp.sufficiency.CareStock;
import org.earlyhelp.sufficiency.Contracts;
import org.earlyhelp.sufficiency.DemonstrationSupply;
import org.earlyhelp.sufficiency.ExportedTables;
import org.earlyhelp.sufficiency.Providers;
import org.earlyhelp.sufficiency.SectorPositions;
import org.earlyhelp.sufficiency.TableExports;

/**
 * Placement sufficiency for commissioners: import SSDA903 returns (checked, all or nothing), then
 * who is in care on any date, by placement, age, legal status, provider and area, the strategy's
 * cohorts and the trend. Aggregates only.
 */
@View
@Route("sufficiency")
@Menu(order = 40, title = "menu.sufficiency")
@RolesAllowed({Role.COMMISSIONER_AUTHORITY, Role.ADMIN_AUTHORITY})
class SufficiencyView extends Page {

    /** The largest single file of the other uploads (Ofsted lists, postcode sector positions). */
    static final long MAX_OTHER_FILE = 50L * 1024 * 1024;

    private final transient CareReturns returns;
    private final transient Clock clock;
    private final transient CareStock stock;
    private final transient Providers providers;
    private final transient TableExports exports;
    private final ContractsSection contractsSection;
    private final transient SectorPositions positions;
    private final DemonstrationNotice madeUp;
    private final Div figures = new Div();
    private final DatePicker on = new DatePicker();
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.UK);
    private final transient BackgroundWork work;

    SufficiencyView(
            CareReturns returns,
            CareStock stock,
            Providers providers,
            TableExports exports,
            Contracts contracts,
            SectorPositions positions,
            DemonstrationSupply demonstration,
            BackgroundWork work,
            Clock clock) {
        super("");
        this.clock = clock;
        this.work = work;
        this.madeUp = new DemonstrationNotice(demonstration);
        this.positions = positions;
        this.contractsSection = new ContractsSection(contracts, exports, clock);
        this.returns = returns;
        this.stock = stock;
        this.providers = providers;
        this.exports = exports;
        setHeading(getTranslation("sufficiency.title"));
        add(new Paragraph(getTranslation("sufficiency.intro")));
        // Filled by refresh(), which setting the page's date below always runs.
        add(madeUp);

        add(new ReturnsImportSection(returns, work, exports, this::importSaved));

        add(providersSection());
        add(contractsSection);
        add(positionsSection());

        Section snapshot = new Section(new H2(getTranslation("sufficiency.stock.title")));
        on.setLabel(getTranslation("sufficiency.stock.on"));
        on.setLocale(Locale.UK);
        on.setId("stock-on");
        on.addValueChangeListener(e -> refresh());
        figures.setId("stock");
        snapshot.add(on, figures);
        add(snapshot);
        CareStock.Snapshot latest = stock.on(WorkingCalendar.today(clock));
        on.setValue(latest.dataTo().orElse(WorkingCalendar.today(clock)));
    }

    private Section providersSection() {
        Section section = new Section(new H2(getTranslation("sufficiency.providers.title")));
        section.setId("providers");
        section.add(new Paragraph(getTranslation("sufficiency.providers.intro")));
        Div result = new Div();
        result.setId("providers-result");
        result.getElement().setAttribute("aria-live", "polite");
        Grid<Providers.Summary> grid = new Grid<>();
        grid.addColumn(Providers.Summary::kind)
                .setHeader(getTranslation("sufficiency.providers.kind"))
                .setAutoWidth(true);
        grid.addColumn(Providers.Summary::sector)
                .setHeader(getTranslation("sufficiency.providers.sector"))
                .setAutoWidth(true);
        grid.addColumn(Providers.Summary::providers)
                .setHeader(getTranslation("sufficiency.providers.count"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(Providers.Summary::places)
                .setHeader(getTranslation("sufficiency.providers.places"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(Providers.Summary::childrenPlaced)
                .setHeader(getTranslation("sufficiency.providers.placed"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("sufficiency.providers.title"));
        grid.setId("providers-grid");
        String title = getTranslation("sufficiency.providers.title");
        var download = CsvLink.of(
                exports,
                "providers-csv",
                title,
                getTranslation("sufficiency.export", title),
                List.of(
                        getTranslation("sufficiency.providers.kind"),
                        getTranslation("sufficiency.providers.sector"),
                        getTranslation("sufficiency.providers.count"),
                        getTranslation("sufficiency.providers.places"),
                        getTranslation("sufficiency.providers.placed")),
                () -> providers.summary(WorkingCalendar.today(clock)).stream()
                        .map(r -> List.of(
                                r.kind(),
                                r.sector(),
                                r.providers(),
                                r.places(),
                                new TableExports.Children(r.childrenPlaced())))
                        .toList());
        Runnable refresh = () -> {
            var rows = providers.summary(WorkingCalendar.today(clock));
            grid.setItems(rows);
            grid.setVisible(!rows.isEmpty());
            download.setVisible(!rows.isEmpty());
        };
        Div upload = oneFile(
                result, "ofsted-import", ".xlsx", "sufficiency.providers.choose", providers::importList, imported -> {
                    List<String> said = new ArrayList<>();
                    said.add(getTranslation("sufficiency.providers.imported", imported.file(), imported.providers()));
                    said.addAll(imported.notes());
                    refresh.run();
                    return said;
                });
        section.add(upload, result, grid, Labels.define("sufficiency.providers.title"), download);
        refresh.run();
        return section;
    }

    /** Where postcode sectors are beyond the borough, for distances to placements there. */
    private Section positionsSection() {
        Section section = new Section(new H2(getTranslation("sufficiency.positions.title")));
        section.setId("positions");
        Paragraph held = new Paragraph(getTranslation("sufficiency.positions.held", numbers.format(positions.count())));
        held.setId("positions-held");
        section.add(new Paragraph(getTranslation("sufficiency.positions.intro")), held);
        Div result = new Div();
        result.setId("positions-result");
        result.getElement().setAttribute("aria-live", "polite");
        Div upload = oneFile(
                result,
                "sector-positions-import",
                ".csv",
                "sufficiency.positions.choose",
                positions::importCsv,
                imported -> {
                    held.setText(getTranslation("sufficiency.positions.held", numbers.format(positions.count())));
                    refresh();
                    return List.of(getTranslation(
                            "sufficiency.positions.imported",
                            imported.file(),
                            numbers.format(imported.rows()),
                            numbers.format(imported.sectors())));
                });
        section.add(upload, result);
        return section;
    }

    /** An import of one file: what it gives when it worked; an {@link ImportException} when refused. */
    private interface FileImport<R> extends Serializable {
        R run(String name, byte[] content);
    }

    /** What the page says about a finished import, on the page's own thread. */
    private interface Said<R> extends Serializable {
        List<String> of(R result);
    }

    /**
     * An upload of one file at a time, imported in the background (with a progress indicator, the
     * page usable meanwhile); what it said, or why it refused the file, is shown in {@code result}.
     * The temporary file is read at once and deleted.
     */
    private <R> Div oneFile(
            Div result, String kind, String accepted, String chooseKey, FileImport<R> fileImport, Said<R> said) {
        Upload upload = new Upload();
        WorkPanel<R> importing = new WorkPanel<>(work, kind, r -> {
            result.removeAll();
            said.of(r).forEach(line -> result.add(new Paragraph(line)));
        });
        Uploads.limit(upload, MAX_OTHER_FILE, (metadata, file) -> {
            result.removeAll();
            upload.clearFileList();
            byte[] content = Files.readAllBytes(file.toPath());
            String name = metadata.fileName();
            try {
                importing.follow(
                        BackgroundWork.start(work, kind, name, progress -> fileImport.run(name, content), r -> name));
            } catch (BackgroundWork.AlreadyRunningException running) {
                Paragraph p = new Paragraph(getTranslation("work.already-running", running.label()));
                p.addClassName("field-error");
                result.add(p);
            }
        });
        upload.addFailedListener(e -> {
            result.removeAll();
            Paragraph p = new Paragraph(
                    getTranslation("sufficiency.import.too-large", e.getFileName(), Uploads.megabytes(MAX_OTHER_FILE)));
            p.addClassName("field-error");
            result.add(p);
        });
        upload.setAcceptedFileTypes(accepted);
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button(getTranslation(chooseKey)));
        upload.setDropLabel(new Span(getTranslation("sufficiency.import.drop")));
        return new Div(upload, importing);
    }

    /** A return saved: the figures move to the latest day it holds. */
    private void importSaved() {
        CareStock.Snapshot latest = stock.on(WorkingCalendar.today(clock));
        on.setValue(latest.dataTo().orElse(WorkingCalendar.today(clock)));
        refresh();
    }

    private void refresh() {
        madeUp.show();
        figures.removeAll();
        if (on.getValue() == null) {
            return;
        }
        contractsSection.refresh(on.getValue());
        CareStock.Snapshot s = stock.on(on.getValue());
        if (s.dataFrom().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("sufficiency.stock.empty"));
            empty.addClassName("empty-state");
            figures.add(empty);
            return;
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        Paragraph total = new Paragraph(getTranslation(
                "sufficiency.stock.total",
                numbers.format(s.total()),
                day.format(s.on()),
                day.format(s.dataFrom().get()),
                day.format(s.dataTo().get())));
        total.setId("stock-total");
        figures.add(total, Labels.define("sufficiency.stock.total"));
        Section cohorts = new Section(new H3(getTranslation("sufficiency.cohorts.title")));
        cohorts.setId("cohorts");
        UnorderedList list = new UnorderedList();
        list.add(new ListItem(getTranslation("sufficiency.cohorts.at-home", numbers.format(s.careOrdersAtHome()))));
        list.add(new ListItem(getTranslation("sufficiency.cohorts.friends", numbers.format(s.familyAndFriends()))));
        list.add(new ListItem(
                getTranslation("sufficiency.cohorts.sgo", numbers.format(s.longTermFosteringCouldBeSgo()))));
        cohorts.add(list, Labels.define("sufficiency.cohorts.title"));
        figures.add(cohorts);
        figures.add(table("sufficiency.stock.by-placement", s.byPlacement(), true, s.total(), Labels::placementGroup));
        figures.add(table("sufficiency.stock.by-age", s.byAge(), true, s.total(), g -> g));
        figures.add(table("sufficiency.stock.by-legal", s.byLegalStatus(), false, s.total(), g -> g));
        figures.add(table("sufficiency.stock.by-provider", s.byProvider(), false, s.total(), g -> g));
        figures.add(table("sufficiency.stock.by-area", s.byArea(), false, s.total(), g -> g));
        figures.add(table("sufficiency.stock.by-distance", s.byDistance(), false, s.total(), g -> g));
        figures.add(table("sufficiency.stock.by-home-area", s.byHomeArea(), false, s.total(), g -> g));
        List<SvgChart.Bar> trend = new ArrayList<>();
        s.trend()
                .forEach((month, n) -> trend.add(new SvgChart.Bar(
                        month.format(DateTimeFormatter.ofPattern("MMM yy", Locale.UK)), n, numbers.format(n))));
        String trendTitle = getTranslation("sufficiency.stock.trend");
        List<List<Object>> trendRows = new ArrayList<>();
        s.trend().forEach((month, n) -> trendRows.add(List.of(month.toString(), new TableExports.Children(n))));
        figures.add(
                new H3(trendTitle),
                SvgChart.bars(trendTitle, trend, 0),
                Labels.define("sufficiency.stock.trend"),
                CsvLink.of(
                        exports,
                        "sufficiency-stock-trend-csv",
                        trendTitle,
                        getTranslation("sufficiency.export", trendTitle),
                        List.of(
                                getTranslation("sufficiency.stock.month"),
                                getTranslation("sufficiency.stock.children")),
                        () -> trendRows));
    }

    /** A breakdown of the children in care; its counts add up to the total above it. */
    private Section table(
            String key, Map<String, Long> counts, boolean chart, long total, UnaryOperator<String> label) {
        Section section = new Section(new H3(getTranslation(key)));
        Grid<Map.Entry<String, Long>> grid = new Grid<>();
        grid.addColumn(e -> label.apply(e.getKey().replaceFirst("^\\d\\. ", "")))
                .setHeader(getTranslation("sufficiency.stock.group"));
        grid.addColumn(e -> numbers.format(e.getValue()))
                .setHeader(getTranslation("sufficiency.stock.children"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(new ArrayList<>(counts.entrySet()));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation(key));
        section.add(grid, Labels.define(key));
        String title = getTranslation(key);
        List<List<Object>> rows = ExportedTables.breakdown(counts);
        section.add(CsvLink.of(
                exports,
                key.replace('.', '-') + "-csv",
                title,
                getTranslation("sufficiency.export", title),
                List.of(getTranslation("sufficiency.stock.group"), getTranslation("sufficiency.stock.children")),
                () -> rows,
                () -> ExportedTables.breakdownKnown(total)));
        if (chart && !counts.isEmpty()) {
            List<SvgChart.Bar> bars = new ArrayList<>();
            counts.forEach((k, v) ->
                    bars.add(new SvgChart.Bar(label.apply(k.replaceFirst("^\\d\\. ", "")), v, numbers.format(v))));
            section.add(SvgChart.bars(getTranslation(key), bars, 0));
        }
        return section;
    }
}
