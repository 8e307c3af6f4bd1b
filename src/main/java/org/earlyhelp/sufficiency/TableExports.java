package org.earlyhelp.sufficiency;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.audit.TableDownloads;
import org.earlyhelp.shared.Csv;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.SecondarySuppression;
import org.earlyhelp.sufficiency.internal.SecondarySuppression.Candidate;
import org.earlyhelp.sufficiency.internal.SecondarySuppression.Cell;
import org.earlyhelp.sufficiency.internal.SecondarySuppression.Relation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sufficiency pages' tables as CSV, for commissioners' own analysis. Numbers of children from
 * 1 to 4 are withheld (small counts can identify a child once they leave the system), and so are
 * as few other cells as it takes that no withheld count can be worked back out from the rest of
 * the export and the totals on the page (secondary suppression, see {@link Protection}). Withheld
 * cells are written "[c]", as the Government Statistical Service writes confidential figures,
 * whichever the reason, so that a reader cannot tell a small count from a cell withheld to protect
 * one; when any cell is withheld, a last row, the key, says what "[c]" means. Every export is
 * recorded in the audit log. Commissioners and administrators only.
 */
@Service
public class TableExports {

    /** Counts of children from 1 up to this (exclusive) are suppressed in exports. */
    public static final int SUPPRESS_BELOW = 5;

    /** What a withheld cell is written as (the GSS symbol for a confidential figure). */
    public static final String SUPPRESSED = "[c]";

    /** The key row ending an export with withheld cells: the symbol, and what it means. */
    public static final String SUPPRESSED_KEY = "Withheld: a number of children from 1 to 4, or a figure withheld so"
            + " that such a number cannot be worked out from the rest";

    /**
     * A number of children, counted or forecast: rounded to a whole child, and suppressed when it
     * is 1 to 4. Other numbers (places, money, percentages) are written as they are.
     */
    public record Children(double value) implements Serializable {}

    /** A relation a row of a table satisfies: each column's coefficient, or null where it does not hold. */
    @FunctionalInterface
    public interface RowRule extends Serializable {
        @Nullable
        Map<Integer, Double> coefficients(List<?> row);
    }

    /**
     * What a reader of an export may know besides its cells: relations between the columns of a
     * row, columns that add up to a total shown on the page, and columns whose cells the page shows
     * one by one (never withheld, since withholding them would hide nothing). The export withholds
     * cells until no withheld count can be worked out from these.
     */
    public static final class Protection implements Serializable {
        private final List<RowRule> rowRules = new ArrayList<>();
        private final Map<Integer, Double> columnTotals = new LinkedHashMap<>();
        private final Set<Integer> shownOnPage = new HashSet<>();

        private Protection() {}

        /** Nothing known besides the cells themselves. */
        public static Protection of() {
            return new Protection();
        }

        /** In every row, column {@code whole} is column {@code part} plus column {@code rest}. */
        public Protection sum(int whole, int part, int rest) {
            return rows(row -> Map.of(whole, 1.0, part, -1.0, rest, -1.0));
        }

        /** In the rows where the rule holds, the columns it names are related as it says. */
        public Protection rows(RowRule rule) {
            rowRules.add(rule);
            return this;
        }

        /** The column's cells add up to a figure shown beside the table. */
        public Protection columnAddsUpTo(int column, double total) {
            columnTotals.put(column, total);
            return this;
        }

        /** The page shows the column's cells one by one. */
        public Protection shownOnPage(int column) {
            shownOnPage.add(column);
            return this;
        }
    }

    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final DemonstrationSupply demonstration;

    TableExports(CurrentUsers currentUsers, AuditTrail audit, DemonstrationSupply demonstration) {
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.demonstration = demonstration;
    }

    /**
     * The file name a table downloads as: named as holding made-up data while anything from the
     * demonstration is held, so a file passed on cannot be taken for the council's own figures.
     */
    public String fileName(String table) {
        String file = TableDownloads.fileName(table);
        return demonstration.held().any() ? "made-up-demonstration-data-" + file : file;
    }

    /**
     * One table as CSV: a header line, then a line a row.
     *
     * @param table what the table is, as the page names it; recorded in the audit log
     * @throws IllegalArgumentException when a row has more or fewer cells than the header
     */
    @Transactional
    public String csv(String table, List<String> headers, TableRows rows) {
        return csv(table, headers, rows, Protection.of());
    }

    /**
     * One table as CSV, with what else its reader knows.
     *
     * @throws IllegalArgumentException when a row has more or fewer cells than the header
     */
    @Transactional
    public String csv(String table, List<String> headers, TableRows tableRows, Protection known) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        List<? extends List<?>> rows = tableRows.rows();
        if (table.isBlank() || headers.isEmpty()) {
            throw new IllegalArgumentException("A table to export needs a name and at least one column.");
        }
        for (List<?> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("Row " + row + " has " + row.size() + " cells for " + headers.size()
                        + " columns in " + table + ".");
            }
        }
        Withheld withheld = withheld(rows, known);
        StringBuilder csv = new StringBuilder(Csv.line(new ArrayList<>(headers)));
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            List<@Nullable String> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                Cell cell = new Cell(r, c);
                cells.add(
                        withheld.primary().contains(cell)
                                        || withheld.secondary().contains(cell)
                                ? SUPPRESSED
                                : text(row.get(c)));
            }
            csv.append(Csv.line(cells));
        }
        if (!withheld.primary().isEmpty() || !withheld.secondary().isEmpty()) {
            csv.append(Csv.line(List.of(SUPPRESSED, SUPPRESSED_KEY)));
        }
        audit.record(
                AuditAction.EXPORT,
                "sufficiency-table",
                table,
                null,
                null,
                rows.size() + " rows, " + withheld.primary().size() + " small counts and "
                        + withheld.secondary().size() + " other cells withheld"
                        + (withheld.exposed() == 0
                                ? ""
                                : ", " + withheld.exposed() + " shown by the page's own figures"));
        return csv.toString();
    }

    /**
     * The cells to withhold: small counts, then what protects them.
     *
     * @param exposed withheld counts that the page's own figures give away whatever the export
     *     withholds (a total over one row): none in practice, counted in the audit if any
     */
    record Withheld(Set<Cell> primary, Set<Cell> secondary, int exposed) {}

    static Withheld withheld(List<? extends List<?>> rows, Protection known) {
        Set<Cell> primary = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        Map<Integer, Map<Cell, Double>> columns = new LinkedHashMap<>();
        known.columnTotals.keySet().forEach(c -> columns.put(c, new LinkedHashMap<>()));
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                Cell cell = new Cell(r, c);
                if (SUPPRESSED.equals(text(value))) {
                    primary.add(cell);
                } else if (number(value) instanceof Double n && !known.shownOnPage.contains(c)) {
                    candidates.add(new Candidate(cell, n, value instanceof Children));
                }
                Map<Cell, Double> column = columns.get(c);
                if (column != null) {
                    column.put(cell, 1.0);
                }
            }
            for (RowRule rule : known.rowRules) {
                Map<Integer, Double> coefficients = rule.coefficients(row);
                if (coefficients != null) {
                    Map<Cell, Double> terms = new LinkedHashMap<>();
                    int at = r;
                    coefficients.forEach((c, k) -> terms.put(new Cell(at, c), k));
                    relations.add(new Relation(terms, 0));
                }
            }
        }
        columns.forEach((c, terms) -> relations.add(new Relation(terms, requireNonNull(known.columnTotals.get(c)))));
        SecondarySuppression.Outcome outcome = SecondarySuppression.protect(primary, candidates, relations);
        return new Withheld(
                primary, outcome.secondary(), outcome.stillDerivable().size());
    }

    /** A cell's value as a number, for the relations; null for words and dates. */
    public static @Nullable Double number(@Nullable Object value) {
        return switch (value) {
            case Children(double v) -> (double) Math.round(v);
            case BigDecimal b -> b.doubleValue();
            case Number n -> n.doubleValue();
            case null, default -> null;
        };
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
