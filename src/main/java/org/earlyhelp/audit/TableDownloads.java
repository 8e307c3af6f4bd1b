package org.earlyhelp.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.shared.Csv;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A table a person has on their screen, downloaded as CSV the same way everywhere (RFC 4180, CRLF,
 * UTF-8 with a byte-order mark, numbers as numbers, text that a spreadsheet would run guarded) and
 * recorded in the audit log with its row count. The rows come from the services that decided who
 * may see them; this only writes what the page already shows, for someone signed in. Sufficiency
 * tables go through their own exports, which also withhold small counts.
 */
@Service
public class TableDownloads {

    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    TableDownloads(CurrentUsers currentUsers, AuditTrail audit) {
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /**
     * The table as CSV text (send it with {@link Csv#bytes}).
     *
     * @param table its title, as the page shows it, recorded in the audit log
     * @param hub the hub it is about, if one
     */
    @Transactional
    public String csv(String table, @Nullable HubId hub, List<String> headers, TableRows tableRows) {
        currentUsers.require();
        List<? extends List<?>> rows = tableRows.rows();
        if (table.isBlank() || headers.isEmpty()) {
            throw new IllegalArgumentException("A table to download needs a title and at least one column.");
        }
        StringBuilder csv = new StringBuilder(Csv.line(new ArrayList<>(headers)));
        for (List<?> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(
                        "A row of " + table + " has " + row.size() + " cells for " + headers.size() + " columns.");
            }
            List<@Nullable String> cells = new ArrayList<>(row.size());
            row.forEach(cell -> cells.add(text(cell)));
            csv.append(Csv.line(cells));
        }
        audit.record(AuditAction.EXPORT, "table", table, hub, null, rows.size() + " rows");
        return csv.toString();
    }

    /** The file's name: the table's title in lower case, words joined by hyphens. */
    public static String fileName(String table) {
        return table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + ".csv";
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite()
                    ? Long.toString(d.longValue())
                    : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
