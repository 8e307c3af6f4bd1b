package org.earlyhelp.sufficiency.ui;

import static java.util.Objects.requireNonNull;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
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
import java.nio.file.Files;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Uploads;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.shared.ui.WorkPanel;
import org.earlyhelp.shared.work.BackgroundWork;
import org.earlyhelp.sufficiency.CareReturns;
import org.earlyhelp.sufficiency.ImportReport903;
import org.earlyhelp.sufficiency.Problem;
import org.earlyhelp.sufficiency.TableExports;

/**
 * The import of SSDA903 returns: files chosen, checked or imported in the background (all or
 * nothing), an import that would replace what is held confirmed first, and the report of the
 * latest check or import with every problem found.
 */
final class ReturnsImportSection extends Section {

    private static final int PROBLEMS_SHOWN = 500;

    /** The largest table of a return taken (the largest council's episodes table is a few MB). */
    static final long MAX_RETURN_FILE = 30L * 1024 * 1024;

    /** The most a returns upload may hold in all. */
    static final long MAX_RETURN_UPLOAD = 150L * 1024 * 1024;

    /** The kind of background work a returns import is. */
    static final String IMPORT_903 = "ssda903-import";
    /** The kind of background work a check of returns (without saving) is. */
    static final String CHECK_903 = "ssda903-check";

    private final transient CareReturns returns;
    private final transient BackgroundWork work;
    private final transient TableExports exports;
    private final Runnable onSaved;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Paragraph chosen = new Paragraph();
    private final Div report = new Div();
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.UK);
    private final WorkPanel<ImportReport903> importing;
    private final WorkPanel<ImportReport903> checking;

    /** {@code onSaved} runs once a return is saved, for the figures to show it. */
    ReturnsImportSection(CareReturns returns, BackgroundWork work, TableExports exports, Runnable onSaved) {
        this.returns = returns;
        this.work = work;
        this.exports = exports;
        this.onSaved = onSaved;
        this.importing = new WorkPanel<>(work, IMPORT_903, r -> showIfNewer(IMPORT_903, CHECK_903, r));
        this.checking = new WorkPanel<>(work, CHECK_903, "work.check", r -> showIfNewer(CHECK_903, IMPORT_903, r));
        add(new H2(getTranslation("sufficiency.import.title")));
        setId("import-903");
        add(new Paragraph(getTranslation("sufficiency.import.intro")));
        Upload files903 = new Upload();
        Uploads.limit(files903, MAX_RETURN_FILE, (metadata, file) -> {
            long held = files.values().stream().mapToLong(b -> b.length).sum();
            if (held + metadata.contentLength() > MAX_RETURN_UPLOAD) {
                report.removeAll();
                Paragraph p = new Paragraph(getTranslation(
                        "sufficiency.import.too-much", metadata.fileName(), Uploads.megabytes(MAX_RETURN_UPLOAD)));
                p.addClassName("field-error");
                report.add(p);
                return;
            }
            files.put(metadata.fileName(), Files.readAllBytes(file.toPath()));
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
        add(files903, chosen, new Div(check, save, clear), checking, importing, report);
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
        Confirmations.focusCancel(confirm);
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
                checking.follow(BackgroundWork.start(
                        work,
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
            importing.follow(BackgroundWork.start(
                    work,
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
            onSaved.run();
        }
    }
}
