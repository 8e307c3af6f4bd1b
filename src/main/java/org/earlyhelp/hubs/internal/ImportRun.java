package org.earlyhelp.hubs.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.imports.ImportReport;
import org.earlyhelp.shared.imports.ImportReport.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/** How every import of the open data about areas runs: all or nothing, with its report. */
@Component
class ImportRun {

    private static final int MAX_PROBLEMS = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    ImportRun(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** A report being built while a file streams through. */
    static final class Progress {
        final String file;
        long read;
        long saved;
        long skipped;
        final List<Problem> problems = new ArrayList<>();

        Progress(String file) {
            this.file = file;
        }

        void problem(long line, String key, Message reason) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(line, key, reason));
            }
        }

        ImportReport report() {
            return new ImportReport(file, read, problems.isEmpty() ? saved : 0, skipped, problems);
        }
    }

    /**
     * Runs one import in one transaction: audited when it saved, rolled back when any row had a
     * problem, and refused with a reason when the file could not be read.
     */
    ImportReport run(String file, String what, Work work) {
        Progress progress = new Progress(file);
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    work.run(progress);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!progress.problems.isEmpty()) {
                    status.setRollbackOnly();
                } else {
                    audit.record(
                            AuditAction.IMPORT,
                            "reference-data",
                            what,
                            null,
                            null,
                            file + ": " + progress.read + " rows read, " + progress.saved + " saved, "
                                    + progress.skipped + " passed over");
                }
            });
        } catch (ImportException e) {
            return ImportReport.refused(file, e.why());
        } catch (UncheckedIOException e) {
            return ImportReport.refused(
                    file,
                    new Message(
                            "hubs.import.unreadable",
                            String.valueOf(e.getCause().getMessage())));
        } catch (JacksonException e) {
            return ImportReport.refused(file, new Message("hubs.import.not-geojson", e.getOriginalMessage()));
        }
        return progress.report();
    }

    @FunctionalInterface
    interface Work {
        void run(Progress progress) throws IOException;
    }

    /** The codes of the areas known now. */
    Set<String> knownAreas() {
        return new HashSet<>(
                jdbc.sql("SELECT code FROM hubs.area").query(String.class).list());
    }
}
