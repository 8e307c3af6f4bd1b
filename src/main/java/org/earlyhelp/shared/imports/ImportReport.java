package org.earlyhelp.shared.imports;

import java.util.List;
import org.earlyhelp.shared.Message;

/**
 * What an import did. An import is all or nothing: when {@code problems} is not empty, nothing
 * from the file was saved.
 *
 * @param file what was imported, for people
 * @param rowsRead data rows read
 * @param rowsSaved rows saved; zero when there were problems
 * @param rowsSkipped rows deliberately passed over (for example postcodes outside the borough)
 * @param problems each bad row and why
 */
public record ImportReport(String file, long rowsRead, long rowsSaved, long rowsSkipped, List<Problem> problems) {

    /** One bad row: where, which record, and why, for a page to say in the person's language. */
    public record Problem(long line, String key, Message why) {

        /** Why, in English (logs, tests). */
        public String reason() {
            return why.english();
        }
    }

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }

    /** A file refused as a whole, for example for missing columns. */
    public static ImportReport refused(String file, Message why) {
        return new ImportReport(file, 0, 0, 0, List.of(new Problem(1, "", why)));
    }
}
