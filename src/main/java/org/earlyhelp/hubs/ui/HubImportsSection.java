package org.earlyhelp.hubs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.shared.imports.ImportReport;
import org.earlyhelp.shared.ui.UploadLeftovers;
import org.earlyhelp.shared.ui.Uploads;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.shared.ui.WorkPanel;
import org.earlyhelp.shared.work.BackgroundWork;

/**
 * The open data about areas, imported a file at a time: each kind of file has its card, read as a
 * stream in the background with its progress, and says what it saved or why it refused the file.
 */
final class HubImportsSection extends Section {

    private final transient HubAdministration administration;
    private final transient BackgroundWork work;
    private final Runnable onImported;
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.UK);

    HubImportsSection(HubAdministration administration, BackgroundWork work, Runnable onImported) {
        this.administration = administration;
        this.work = work;
        this.onImported = onImported;
        add(new H2(getTranslation("hubs.setup.import")));
        add(new Paragraph(getTranslation("hubs.setup.import.intro")));
        FlexLayout cards = new FlexLayout();
        cards.addClassName("import-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        for (FileKind kind : FileKind.values()) {
            cards.add(importCard(kind));
        }
        add(cards);
    }

    private Component importCard(FileKind kind) {
        String key = "hubs.import." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Div card = new Div();
        card.addClassName("import-card");
        card.setId("import-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        card.add(new H3(getTranslation(key)));
        card.add(new Paragraph(getTranslation(key + ".format")));
        Div result = new Div();
        result.addClassName("import-result");
        result.getElement().setAttribute("aria-live", "polite");
        String jobKind = "hubs-import-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        WorkPanel<ImportReport> importing = new WorkPanel<>(work, jobKind, report -> {
            showReport(result, report);
            onImported.run();
        });
        Upload upload = new Upload();
        // Read as a stream from the temporary file, in the background with its progress: a
        // postcode directory is large, and never held whole. The page stays usable meanwhile.
        long max = kind == FileKind.POSTCODES ? 2L * 1024 * 1024 * 1024 : 200L * 1024 * 1024;
        Uploads.limit(upload, max, (metadata, file) -> {
            // The work owns its own copy of the file and removes it when it has finished.
            Path own = Files.createTempFile(UploadLeftovers.IMPORT_PREFIX, ".upload");
            Files.move(file.toPath(), own, StandardCopyOption.REPLACE_EXISTING);
            upload.clearFileList();
            result.removeAll();
            String name = metadata.fileName();
            String succeeded = getTranslation("hubs.import.succeeded");
            String failed = getTranslation("hubs.import.failed");
            try {
                importing.follow(BackgroundWork.start(
                        work,
                        jobKind,
                        name,
                        progress -> {
                            try (InputStream in =
                                    BackgroundWork.counting(Files.newInputStream(own), Files.size(own), progress)) {
                                return administration.importFile(kind, name, in);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            } finally {
                                try {
                                    Files.deleteIfExists(own);
                                } catch (IOException ignored) {
                                    // a temporary file: the system's own clean-up removes it
                                }
                            }
                        },
                        r -> r.succeeded()
                                ? new MessageFormat(succeeded, Locale.UK).format(new Object[] {r.file(), r.rowsSaved()})
                                : new MessageFormat(failed, Locale.UK).format(new Object[] {
                                    r.file(), r.problems().size()
                                })));
            } catch (BackgroundWork.AlreadyRunningException running) {
                Files.deleteIfExists(own);
                result.add(new Paragraph(getTranslation("work.already-running", running.label())));
            }
        });
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(
                kind == FileKind.AREA_BOUNDARIES || kind == FileKind.WARD_BOUNDARIES
                        ? new String[] {".geojson", ".json"}
                        : new String[] {".csv"});
        upload.setUploadButton(new Button(getTranslation("hubs.import.choose")));
        upload.setDropLabel(new Span(getTranslation("hubs.import.drop")));
        upload.addFileRejectedListener(e -> {
            result.removeAll();
            result.add(new Paragraph(getTranslation("hubs.import.rejected", e.getErrorMessage())));
        });
        upload.addFailedListener(e -> {
            result.removeAll();
            result.add(new Paragraph(getTranslation("hubs.import.upload-failed-size", Uploads.megabytes(max))));
        });
        card.add(upload, importing, result);
        return card;
    }

    private void showReport(Div result, ImportReport report) {
        result.removeAll();
        if (report.succeeded()) {
            Paragraph ok = new Paragraph(
                    getTranslation("hubs.import.succeeded", report.file(), numbers.format(report.rowsSaved())));
            ok.addClassName("ok-text");
            result.add(ok);
            if (report.rowsSkipped() > 0) {
                result.add(new Paragraph(getTranslation("hubs.import.skipped", numbers.format(report.rowsSkipped()))));
            }
            return;
        }
        Paragraph failed = new Paragraph(getTranslation(
                "hubs.import.failed",
                report.file(),
                numbers.format(report.problems().size())));
        failed.addClassName("warning-text");
        Grid<ImportReport.Problem> problems = new Grid<>();
        problems.addColumn(ImportReport.Problem::line)
                .setHeader(getTranslation("hubs.import.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(ImportReport.Problem::key)
                .setHeader(getTranslation("hubs.import.record"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(p -> Words.of(p.why())).setHeader(getTranslation("hubs.import.reason"));
        problems.setItems(report.problems());
        problems.setAriaLabel(getTranslation("hubs.import.problems"));
        problems.addClassName("problems");
        problems.setAllRowsVisible(report.problems().size() <= 10);
        result.add(failed, problems);
    }
}
