package org.earlyhelp.sufficiency;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Someone who has a downloaded CSV and the totals on the page, and tries to work each withheld
 * cell ("[c]") back out. Written apart from the application's suppression: it reads the CSV as
 * text, writes down what it knows as linear equations over the cells (the relations are its own,
 * from what the page says), and solves them in exact rational arithmetic. A withheld cell is
 * worked out when adding "this cell = ?" to the equations does not raise their rank.
 */
final class ExportAttacker {

    /** A cell of the CSV's body, row and column from 0. */
    record Cell(int row, int column) {}

    /** An equation the attacker knows: sum of coefficient times cell equals the constant. */
    record Equation(Map<Cell, BigDecimal> terms, BigDecimal constant) {}

    final String table;
    final List<List<String>> rows;
    final List<Equation> equations = new ArrayList<>();

    ExportAttacker(String table, String csv) {
        this.table = table;
        this.rows = parse(csv);
    }

    /** The body's cells as the CSV gives them. */
    String cell(int row, int column) {
        return rows.get(row).get(column);
    }

    boolean withheld(int row, int column) {
        return cell(row, column).equals("[c]");
    }

    long withheldCells() {
        return rows.stream().flatMap(List::stream).filter("[c]"::equals).count();
    }

    /** In each row, the sum of the columns times their coefficients is 0. */
    ExportAttacker eachRow(Map<Integer, Double> coefficients) {
        for (int r = 0; r < rows.size(); r++) {
            Map<Cell, BigDecimal> terms = new LinkedHashMap<>();
            int row = r;
            coefficients.forEach((c, k) -> terms.put(new Cell(row, c), new BigDecimal(k)));
            equations.add(new Equation(terms, BigDecimal.ZERO));
        }
        return this;
    }

    /** One equation. */
    ExportAttacker knows(Map<Cell, BigDecimal> terms, BigDecimal constant) {
        equations.add(new Equation(terms, constant));
        return this;
    }

    /** The column adds up to a figure the page shows. */
    ExportAttacker columnTotal(int column, double total) {
        Map<Cell, BigDecimal> terms = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            terms.put(new Cell(r, column), BigDecimal.ONE);
        }
        equations.add(new Equation(terms, new BigDecimal(total)));
        return this;
    }

    /** The withheld cells the equations pin down, each with the value they give. */
    Map<Cell, Double> workedOut() {
        List<Cell> unknowns = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (withheld(r, c)) {
                    unknowns.add(new Cell(r, c));
                }
            }
        }
        List<Fraction[]> system = new ArrayList<>();
        for (Equation e : equations) {
            Fraction[] row = new Fraction[unknowns.size() + 1];
            Arrays.fill(row, Fraction.ZERO);
            Fraction constant = Fraction.of(e.constant());
            boolean usable = true;
            for (Map.Entry<Cell, BigDecimal> term : e.terms().entrySet()) {
                int i = unknowns.indexOf(term.getKey());
                if (i >= 0) {
                    row[i] = row[i].plus(Fraction.of(term.getValue()));
                } else {
                    String text = cell(term.getKey().row(), term.getKey().column());
                    if (text.isEmpty()) {
                        usable = false;
                    } else {
                        constant =
                                constant.minus(Fraction.of(term.getValue()).times(Fraction.of(new BigDecimal(text))));
                    }
                }
            }
            row[unknowns.size()] = constant;
            if (usable) {
                system.add(row);
            }
        }
        int rank = rank(system, unknowns.size());
        Map<Cell, Double> found = new LinkedHashMap<>();
        for (int i = 0; i < unknowns.size(); i++) {
            List<Fraction[]> with = new ArrayList<>(system);
            Fraction[] probe = new Fraction[unknowns.size() + 1];
            Arrays.fill(probe, Fraction.ZERO);
            probe[i] = Fraction.ONE;
            with.add(probe);
            if (rank(with, unknowns.size()) == rank) {
                found.put(unknowns.get(i), solve(system, unknowns.size(), i));
            }
        }
        return found;
    }

    /** A system reduced to row echelon form: its rows, and each pivot row's column. */
    private record Reduced(Fraction[][] rows, int[] pivotColumn, int rank) {}

    /** Rank of the coefficient part (the first n columns). */
    private static int rank(List<Fraction[]> system, int n) {
        return reduce(system, n).rank();
    }

    /** The value of unknown i (the system pins it down), read off the fully reduced system. */
    private static double solve(List<Fraction[]> system, int n, int i) {
        Reduced reduced = reduce(system, n);
        for (int r = 0; r < reduced.rank(); r++) {
            if (reduced.pivotColumn()[r] == i) {
                return reduced.rows()[r][n].toDouble();
            }
        }
        return Double.NaN;
    }

    /** Exact Gauss-Jordan elimination over the first n columns, the constants (column n) carried along. */
    private static Reduced reduce(List<Fraction[]> system, int n) {
        Fraction[][] a = new Fraction[system.size()][];
        for (int r = 0; r < a.length; r++) {
            a[r] = system.get(r).clone();
        }
        int rank = 0;
        int[] pivotColumn = new int[a.length];
        for (int c = 0; c < n && rank < a.length; c++) {
            int pivot = -1;
            for (int r = rank; r < a.length; r++) {
                if (!a[r][c].isZero()) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            Fraction[] swap = a[rank];
            a[rank] = a[pivot];
            a[pivot] = swap;
            Fraction p = a[rank][c];
            for (int k = 0; k <= n; k++) {
                a[rank][k] = a[rank][k].divide(p);
            }
            for (int r = 0; r < a.length; r++) {
                if (r != rank && !a[r][c].isZero()) {
                    Fraction f = a[r][c];
                    for (int k = 0; k <= n; k++) {
                        a[r][k] = a[r][k].minus(f.times(a[rank][k]));
                    }
                }
            }
            pivotColumn[rank] = c;
            rank++;
        }
        return new Reduced(a, pivotColumn, rank);
    }

    /** RFC 4180 as the exports write it: every cell quoted, quotes doubled, a line a row. */
    static List<List<String>> parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        // The header is not data, nor is the key row that ends an export with withheld cells.
        List<List<String>> data = lines.subList(1, lines.size());
        if (!data.isEmpty() && data.getLast().equals(List.of(TableExports.SUPPRESSED, TableExports.SUPPRESSED_KEY))) {
            data = data.subList(0, data.size() - 1);
        }
        return data;
    }

    /** An exact rational number. */
    record Fraction(BigInteger numerator, BigInteger denominator) {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
        static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

        static Fraction of(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() <= 0) {
                return new Fraction(stripped.toBigIntegerExact(), BigInteger.ONE);
            }
            return reduce(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
        }

        static Fraction reduce(BigInteger n, BigInteger d) {
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            return g.signum() == 0 ? ZERO : new Fraction(n.divide(g), d.divide(g));
        }

        boolean isZero() {
            return numerator.signum() == 0;
        }

        Fraction plus(Fraction o) {
            return reduce(
                    numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                    denominator.multiply(o.denominator));
        }

        Fraction minus(Fraction o) {
            return plus(new Fraction(o.numerator.negate(), o.denominator));
        }

        Fraction times(Fraction o) {
            return reduce(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
        }

        Fraction divide(Fraction o) {
            return reduce(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
        }

        double toDouble() {
            return new BigDecimal(numerator)
                    .divide(new BigDecimal(denominator), MathContext.DECIMAL64)
                    .doubleValue();
        }
    }
}
