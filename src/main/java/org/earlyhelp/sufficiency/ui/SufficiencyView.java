package org.earlyhelp.sufficiency.ui;

import static java.util.Objects.requireNonNull;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
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
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.ui.Definition;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.SvgChart;
import org.earlyhelp.shared.ui.Uploads;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.shared.ui.WorkPanel;
import org.earlyhelp.shared.work.BackgroundWork;
import org.earlyhelp.sufficiency.CareReturns;
import org.earlyhelp.sufficiency.CareStock;
import org.earlyhelp.sufficiency.Contracts;
import org.earlyhelp.sufficiency.DemonstrationSupply;
import org.earlyhelp.sufficiency.ExportedTables;
import org.earlyhelp.sufficiency.ImportReport903;
import org.earlyhelp.sufficiency.Problem;
import org.earlyhelp.sufficiency.Providers;
import org.earlyhelp.sufficiency.SectorPositions;
import org.earlyhelp.sufficiency.TableExports;

/**
 * Placement sufficiency for commissioners: import SSDA903 returns (checked, all or nothing), then
 * who is in care on any date, by placement, age, legal status, provider and area, the strategy's
 * cohorts and the trend. Aggregates only.
 */
@Route("sufficiency")
@Menu(order = 40, title = "menu.sufficiency")
@RolesAllowed({Role.COMMISSIONER_AUTHORITY, Role.ADMIN_AUTHORITY})
class SufficiencyView extends Page {

    private static final int PROBLEMS_SHOWN = 500;

    /** The largest table of a return taken (the largest council's episodes table is a few MB). */
    static final long MAX_RETURN_FILE = 30L * 1024 * 1024;

    /** The most a returns upload may hold in all. */
    static final long MAX_RETURN_UPLOAD = 150L * 1024 * 1024;

    /** The largest single file of the other uploads (Ofsted lists, postcode sector positions). */
    static final long MAX_OTHER_FILE = 50L * 1024 * 1024;

    private final transient CareReturns returns;
    private final transient Clock clock;
    private final transient CareStock stock;
    private final transient Providers providers;
    private final transient TableExports exports;
    private final ContractsSection contractsSection;
    private final transient SectorPositions positions;
    private final transient DemonstrationSupply demonstration;
    private final Div madeUp = new Div();
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Paragraph chosen = new Paragraph();
    private final Div report = new Div();
    private final Div figures = new Div();
    private final DatePicker on = new DatePicker();
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.UK);
    /** The kind of background work a returns import is. */
    static final String IMPORT_903 = "ssda903-import";
    /** The kind of background work a check of returns (without saving) is. */
    static final String CHECK_903 = "ssda903-check";

    private final transient BackgroundWork work;
    private final WorkPanel<ImportReport903> importing;
    private final WorkPanel<ImportReport903> checking;

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
        this.importing = new WorkPanel<>(work, IMPORT_903, r -> showIfNewer(IMPORT_903, CHECK_903, r));
        this.checking = new WorkPanel<>(work, CHECK_903, "work.check", r -> showIfNewer(CHECK_903, IMPORT_903, r));
        this.demonstration = demonstration;
        this.positions = positions;
        this.contractsSection = new ContractsSection(contracts, exports, clock);
        this.returns = returns;
        this.stock = stock;
        this.providers = providers;
        this.exports = exports;
        setHeading(getTranslation("sufficiency.title"));
        add(new Paragraph(getTranslation("sufficiency.intro")));
        madeUp.setId("demonstration-notice");
        // Filled by refresh(), which setting the page's date below always runs.
        add(madeUp);

        Section upload = new Section(new H2(getTranslation("sufficiency.import.title")));
        upload.setId("import-903");
        upload.add(new Paragraph(getTranslation("sufficiency.import.intro")));
        Upload files903 = new Upload();
        Uploads.limit(files903, MAX_RETURN_FILE, (metadata, file) -> {
            try {
                long held = files.values().stream().mapToLong(b -> b.length).sum();
                if (held + Files.size(file.toPath()) > MAX_RETURN_UPLOAD) {
                    report.removeAll();
                    Paragraph p = new Paragraph(getTranslation(
                            "sufficiency.import.too-much", metadata.fileName(), Uploads.megabytes(MAX_RETURN_UPLOAD)));
                    p.addClassName("field-error");
                    report.add(p);
                    return;
                }
                files.put(metadata.fileName(), Files.readAllBytes(file.toPath()));
            } finally {
                Files.deleteIfExists(file.toPath());
            }
            chosen.setText(
                    getTranslation("sufficiency.import.chosen", files.size(), String.join(", ", files.keySet())));
        });
        files903.addFailedListener(e -> {
            report.removeAll();
            Paragraph p = new Paragraph(getTranslation(
                    "sufficiency.import.too-large", e.getFileName(), Uploads.megabytes(MAX_RETURN_FILE)));
            p.addClassName("field-error");
            report.add(p);
        });
        files903.setAcceptedFileTypes(".csv", ".xml");
        files903.addFileRejectedListener(e -> {
            report.removeAll();
            Paragraph p = new Paragraph(getTranslation("sufficiency.import.rejected", e.getFileName()));
            p.addClassName("field-error");
            p.setId("file-rejected");
            report.add(p);
        });
        files903.setMaxFiles(100);
        files903.setUploadButton(new Button(getTranslation("sufficiency.import.choose")));
        files903.setDropLabel(new Span(getTranslation("sufficiency.import.drop")));
        chosen.setId("files-chosen");
        Button check = new Button(getTranslation("sufficiency.import.check"), e -> run(false));
        check.setId("check-903");
        Button save = new Button(getTranslation("sufficiency.import.save"), e -> confirmThenImport());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("import-903-button");
        Button clear = new Button(getTranslation("sufficiency.import.clear"), e -> {
            files.clear();
            files903.clearFileList();
            chosen.setText("");
            report.removeAll();
        });
        report.setId("import-report");
        report.getElement().setAttribute("aria-live", "polite");
        upload.add(files903, chosen, new Div(check, save, clear), checking, importing, report);
        add(upload);

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
        section.add(upload, result, grid, define("sufficiency.providers.title"), download);
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
            byte[] content;
            try {
                content = Files.readAllBytes(file.toPath());
            } finally {
                Files.deleteIfExists(file.toPath());
                upload.clearFileList();
            }
            String name = metadata.fileName();
            try {
                importing.follow(work.start(kind, name, progress -> fileImport.run(name, content), r -> name));
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

    /**
     * An import replaces every episode held now. The upload is checked first: only one that could
     * replace the returns held is offered, with what it would change in figures; one that would
     * leave much less than is held needs a second, explicit confirmation.
     */
    private void confirmThenImport() {
        report.removeAll();
        if (files.isEmpty()) {
            report.add(new Paragraph(getTranslation("sufficiency.import.none")));
            return;
        }
        ImportReport903 checked;
        try {
            checked = returns.check(files);
        } catch (ImportException unreadable) {
            Paragraph p = new Paragraph(Words.of(unreadable));
            p.addClassName("field-error");
            report.add(p);
            return;
        }
        if (!checked.replaceable()) {
            show(checked);
            return;
        }
        ImportReport903.Change change = requireNonNull(checked.change());
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("sufficiency.import.replace-title"));
        Span figuresText = new Span(getTranslation(
                "sufficiency.import.replace-figures",
                numbers.format(change.now().inCareToday()),
                numbers.format(change.after().inCareToday()),
                numbers.format(change.now().episodes()),
                numbers.format(change.after().episodes()),
                years(change.now().years()),
                years(change.after().years())));
        figuresText.setId("replace-figures");
        confirm.setText(figuresText);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("sufficiency.import.replace"));
        confirm.addConfirmListener(e -> {
            if (change.large()) {
                confirmLarge(change);
            } else {
                run(true, false);
            }
        });
        confirm.setId("confirm-import");
        confirm.open();
    }

    /** The second confirmation, for an upload that would leave much less than is held. */
    private void confirmLarge(ImportReport903.Change change) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("sufficiency.import.large-title"));
        dialog.setId("confirm-import-large");
        dialog.setWidth("min(36rem, 95vw)");
        dialog.add(new Paragraph(getTranslation(
                "sufficiency.import.large-text",
                numbers.format(change.now().inCareToday()),
                numbers.format(change.after().inCareToday()),
                numbers.format(change.now().episodes()),
                numbers.format(change.after().episodes()))));
        Checkbox sure = new Checkbox(getTranslation("sufficiency.import.large-sure"));
        sure.setId("import-large-sure");
        Button replace = new Button(getTranslation("sufficiency.import.large-replace"), e -> {
            dialog.close();
            run(true, true);
        });
        replace.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        replace.setEnabled(false);
        replace.setId("import-large-replace");
        sure.addValueChangeListener(e -> replace.setEnabled(e.getValue()));
        dialog.add(sure);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), replace);
        dialog.open();
    }

    private String years(List<Integer> years) {
        if (years.isEmpty()) {
            return getTranslation("sufficiency.import.no-years");
        }
        return years.getFirst().equals(years.getLast())
                ? String.valueOf(years.getFirst())
                : years.getFirst() + "-" + years.getLast() + " (" + years.size() + ")";
    }

    private void run(boolean save) {
        run(save, false);
    }

    private void run(boolean save, boolean confirmedLarge) {
        report.removeAll();
        if (files.isEmpty()) {
            report.add(new Paragraph(getTranslation("sufficiency.import.none")));
            return;
        }
        if (!save) {
            // Checking a large upload takes a while too: in the background, with its own progress.
            Map<String, byte[]> upload = Map.copyOf(files);
            String checkedPattern = getTranslation("sufficiency.import.checked");
            try {
                checking.follow(work.start(
                        CHECK_903,
                        label(upload),
                        progress -> returns.check(upload),
                        r -> new MessageFormat(checkedPattern, Locale.UK).format(new Object[] {
                            r.children(), r.episodes(), r.episodesAfterMerging(), r.errors(), r.warnings()
                        })));
            } catch (BackgroundWork.AlreadyRunningException running) {
                Paragraph p = new Paragraph(getTranslation("work.already-running", running.label()));
                p.addClassName("field-error");
                report.add(p);
            }
            return;
        }
        // Saving a return is the long part: it runs in the background, with its progress above the report.
        Map<String, byte[]> upload = Map.copyOf(files);
        String label = label(upload);
        String savedPattern = getTranslation("sufficiency.import.saved");
        String refusedPattern = getTranslation("sufficiency.import.refused");
        try {
            importing.follow(work.start(
                    IMPORT_903,
                    label,
                    progress -> returns.importFiles(upload, confirmedLarge, progress),
                    r -> new MessageFormat(r.saved() ? savedPattern : refusedPattern, Locale.UK).format(new Object[] {
                        r.children(), r.episodes(), r.episodesAfterMerging(), r.errors(), r.warnings()
                    })));
        } catch (BackgroundWork.AlreadyRunningException running) {
            Paragraph p = new Paragraph(getTranslation("work.already-running", running.label()));
            p.addClassName("field-error");
            report.add(p);
        }
    }

    /** What an upload is called while it is checked or imported: its file, or how many files. */
    private String label(Map<String, byte[]> upload) {
        return upload.size() == 1
                ? upload.keySet().iterator().next()
                : getTranslation("sufficiency.import.files-label", upload.size());
    }

    /**
     * A finished check or import, shown unless the other kind of work started after it: coming
     * back to the page, the report is that of the latest.
     */
    private void showIfNewer(String kind, String other, ImportReport903 result) {
        Optional<Instant> mine = work.latest(kind).map(BackgroundWork.Job::started);
        Optional<Instant> theirs = work.latest(other).map(BackgroundWork.Job::started);
        if (mine.isPresent() && theirs.isPresent() && theirs.get().isAfter(mine.get())) {
            return;
        }
        imported(result);
    }

    /** A finished import: its report, and the figures again once it saved. */
    private void imported(ImportReport903 result) {
        report.removeAll();
        show(result);
    }

    private void show(ImportReport903 result) {
        Paragraph summary = new Paragraph(getTranslation(
                result.saved()
                        ? "sufficiency.import.saved"
                        : result.errors() > 0 ? "sufficiency.import.refused" : "sufficiency.import.checked",
                numbers.format(result.children()),
                numbers.format(result.episodes()),
                numbers.format(result.episodesAfterMerging()),
                numbers.format(result.errors()),
                numbers.format(result.warnings())));
        summary.setId("import-summary");
        report.add(summary);
        if (!result.otherTables().isEmpty()) {
            UnorderedList others = new UnorderedList();
            result.otherTables()
                    .forEach((t, n) ->
                            others.add(new ListItem(getTranslation("sufficiency.import.other", t, numbers.format(n)))));
            report.add(others);
        }
        result.notes().forEach(n -> report.add(new Paragraph(Words.of(n))));
        if (!result.problems().isEmpty()) {
            Grid<Problem> grid = new Grid<>();
            grid.addColumn(p -> p.error()
                            ? getTranslation("sufficiency.import.error")
                            : getTranslation("sufficiency.import.warning"))
                    .setHeader(getTranslation("sufficiency.import.kind"))
                    .setAutoWidth(true);
            grid.addColumn(Problem::rule)
                    .setHeader(getTranslation("sufficiency.import.rule"))
                    .setAutoWidth(true);
            grid.addColumn(Problem::dfeRulesText)
                    .setHeader(getTranslation("sufficiency.import.dfe-rule"))
                    .setAutoWidth(true);
            grid.addColumn(Problem::file)
                    .setHeader(getTranslation("sufficiency.import.file"))
                    .setAutoWidth(true);
            grid.addColumn(Problem::line)
                    .setHeader(getTranslation("sufficiency.import.line"))
                    .setAutoWidth(true);
            grid.addColumn(p -> Words.of(p.said())).setHeader(getTranslation("sufficiency.import.message"));
            grid.setItems(result.problems().stream().limit(PROBLEMS_SHOWN).toList());
            grid.setAriaLabel(getTranslation("sufficiency.import.problems"));
            grid.setHeight("24rem");
            report.add(
                    new H3(getTranslation(
                            "sufficiency.import.problems-shown",
                            Math.min(PROBLEMS_SHOWN, result.problems().size()),
                            numbers.format(result.problems().size()))),
                    grid);
            String title = getTranslation("sufficiency.import.problems");
            List<Problem> all = result.problems();
            report.add(CsvLink.of(
                    exports,
                    "problems-csv",
                    title,
                    getTranslation("sufficiency.import.problems-export", numbers.format(all.size())),
                    List.of(
                            getTranslation("sufficiency.import.kind"),
                            getTranslation("sufficiency.import.rule"),
                            getTranslation("sufficiency.import.dfe-rule"),
                            getTranslation("sufficiency.import.file"),
                            getTranslation("sufficiency.import.line"),
                            getTranslation("sufficiency.import.message")),
                    () -> all.stream()
                            .map(p -> List.<Object>of(
                                    p.error()
                                            ? getTranslation("sufficiency.import.error")
                                            : getTranslation("sufficiency.import.warning"),
                                    p.rule(),
                                    p.dfeRulesText(),
                                    p.file(),
                                    p.line(),
                                    Words.of(p.said())))
                            .toList()));
            report.add(ProblemsWithChildIds.button(returns, all, this::getTranslation));
        }
        if (result.saved()) {
            CareStock.Snapshot latest = stock.on(WorkingCalendar.today(clock));
            on.setValue(latest.dataTo().orElse(WorkingCalendar.today(clock)));
            refresh();
        }
    }

    /**
     * Says what is made up from the demonstration; once the council's returns are in, offers to
     * remove the made-up supply still set against them (after a confirmation).
     */
    private void showMadeUp() {
        madeUp.removeAll();
        DemonstrationSupply.Held held = demonstration.held();
        madeUp.setVisible(held.any());
        if (!held.any()) {
            return;
        }
        madeUp.addClassName("notice");
        if (held.children() > 0) {
            madeUp.add(new Paragraph(getTranslation("sufficiency.demonstration.returns")));
            return;
        }
        madeUp.add(new Paragraph(getTranslation(
                "sufficiency.demonstration.supply",
                held.providers(),
                held.contracts(),
                held.supplyFigures(),
                held.carers())));
        Button remove = new Button(getTranslation("sufficiency.demonstration.remove"), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("sufficiency.demonstration.confirm-title"));
            confirm.setText(getTranslation("sufficiency.demonstration.confirm-text"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("sufficiency.demonstration.keep"));
            confirm.setConfirmText(getTranslation("sufficiency.demonstration.remove"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> {
                demonstration.removeSupply();
                getUI().ifPresent(ui -> ui.getPage().reload());
            });
            confirm.open();
        });
        remove.setId("remove-demonstration-supply");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        madeUp.add(remove);
    }

    private void refresh() {
        showMadeUp();
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
        figures.add(total, define("sufficiency.stock.total"));
        Section cohorts = new Section(new H3(getTranslation("sufficiency.cohorts.title")));
        cohorts.setId("cohorts");
        UnorderedList list = new UnorderedList();
        list.add(new ListItem(getTranslation("sufficiency.cohorts.at-home", numbers.format(s.careOrdersAtHome()))));
        list.add(new ListItem(getTranslation("sufficiency.cohorts.friends", numbers.format(s.familyAndFriends()))));
        list.add(new ListItem(
                getTranslation("sufficiency.cohorts.sgo", numbers.format(s.longTermFosteringCouldBeSgo()))));
        cohorts.add(list, define("sufficiency.cohorts.title"));
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
                define("sufficiency.stock.trend"),
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
        section.add(grid, define(key));
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

    /** How a figure is counted, one click from it (the same words are in docs/figures.md). */
    private Details define(String key) {
        return Definition.of(getTranslation("define.summary"), key, getTranslation("define." + key));
    }
}
