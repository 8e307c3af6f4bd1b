package org.earlyhelp.sufficiency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Csv;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sufficiency pages' tables as CSV, for commissioners' own analysis. Numbers of children from
 * 1 to 4 are written as "fewer than 5" (small counts can identify a child once they leave the
 * system), and every export is recorded in the audit log. Commissioners and administrators only.
 */
@Service
public class TableExports {

    /** Counts of children from 1 up to this (exclusive) are suppressed in exports. */
    public static final int SUPPRESS_BELOW = 5;

    /** What a suppressed count is written as. */
    public static final String SUPPRESSED = "fewer than 5";

    /**
     * A number of children, counted or forecast: rounded to a whole child, and suppressed when it
     * is 1 to 4. Other numbers (places, money, percentages) are written as they are.
     */
    public record Children(double value) implements java.io.Serializable {}

    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    TableExports(CurrentUsers currentUsers, AuditTrail audit) {
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /**
     * One table as CSV: a header line, then a line a row.
     *
     * @param table what the table is, as the page names it; recorded in the audit log
     * @throws IllegalArgumentException when a row has more or fewer cells than the header
     */
    @Transactional
    public String csv(String table, List<String> headers, List<? extends List<?>> rows) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        if (table.isBlank() || headers.isEmpty()) {
            throw new IllegalArgumentException("A table to export needs a name and at least one column.");
        }
        StringBuilder csv = new StringBuilder(Csv.line(new ArrayList<>(headers)));
        int suppressed = 0;
        for (List<?> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("Row " + row + " has " + row.size() + " cells for " + headers.size()
                        + " columns in " + table + ".");
            }
            List<@Nullable String> cells = new ArrayList<>(row.size());
            for (Object value : row) {
                String text = text(value);
                if (SUPPRESSED.equals(text)) {
                    suppressed++;
                }
                cells.add(text);
            }
            csv.append(Csv.line(cells));
        }
        audit.record(
                "export",
                "sufficiency-table",
                table,
                null,
                null,
                rows.size() + " rows, " + suppressed + " small counts suppressed");
        return csv.toString();
    }

    static @Nullable String text(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Children(double v) -> {
                long whole = Math.round(v);
                yield whole >= 1 && whole < SUPPRESS_BELOW ? SUPPRESSED : Long.toString(whole);
            }
            case Double d -> String.format(Locale.ROOT, "%.2f", d);
            default -> value.toString();
        };
    }
}
