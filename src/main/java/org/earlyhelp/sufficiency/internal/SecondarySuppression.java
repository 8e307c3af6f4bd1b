package org.earlyhelp.sufficiency.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secondary suppression: once small counts are withheld from a table, withholds as few other
 * cells as it can so that no withheld cell can be worked back out from what the reader knows: the
 * table's other cells and the relations between them (a row's need is its places plus its gap, a
 * column adds up to a total shown on the page, empty beds cost the weekly price each).
 *
 * <p>A withheld cell can be worked out exactly when it is fixed by the relations once every
 * cell still shown is put in: in linear algebra, when its unit vector lies in the row space of the
 * relations restricted to the withheld cells. That is read off the reduced row echelon form: the
 * cell is a pivot whose row has no other entry. While some withheld cell can be worked out, one
 * more cell from the relations that fix it is withheld: the one that leaves fewest cells exposed,
 * then a count of children before other numbers, then the smallest; and the check runs again.
 */
public final class SecondarySuppression {

    private static final double TOLERANCE = 1e-9;

    /** Which of two covers loses least: a count of children, then the smaller, then the first. */
    private static final Comparator<Candidate> CHEAPEST = Comparator.comparing((Candidate c) -> !c.children())
            .thenComparingDouble(c -> Math.abs(c.value()))
            .thenComparingInt(c -> c.cell().row())
            .thenComparingInt(c -> c.cell().column());

    private SecondarySuppression() {}

    /** A cell of the table, by row and column from 0 (the header not counted). */
    public record Cell(int row, int column) {}

    /**
     * A relation the reader may know: the sum of each cell's value times its coefficient equals
     * the constant (a figure shown beside the table, or 0).
     */
    public record Relation(Map<Cell, Double> terms, double constant) {}

    /** A cell that may be withheld to protect another, with its value to choose the cheapest. */
    public record Candidate(Cell cell, double value, boolean children) {}

    /** What to withhold besides the small counts, and what could not be protected. */
    public record Outcome(Set<Cell> secondary, Set<Cell> stillDerivable) {}

    /**
     * @param primary the cells withheld as small counts
     * @param candidates the cells that may also be withheld (numbers not shown individually
     *     elsewhere on the page)
     * @param relations what the reader may know
     */
    public static Outcome protect(Set<Cell> primary, List<Candidate> candidates, List<Relation> relations) {
        Map<Cell, Candidate> byCell = new HashMap<>();
        candidates.forEach(c -> byCell.put(c.cell(), c));
        Set<Cell> withheld = new LinkedHashSet<>(primary);
        Set<Cell> secondary = new LinkedHashSet<>();
        Set<Cell> unprotectable = new LinkedHashSet<>();
        while (true) {
            Set<Cell> exposed = derivable(withheld, relations);
            exposed.removeAll(unprotectable);
            if (exposed.isEmpty()) {
                break;
            }
            // Every cell still shown in a relation of an exposed cell could cover it: take the one
            // that leaves fewest cells exposed, then a count of children, then the smallest.
            Set<Candidate> covers = new LinkedHashSet<>();
            relations.stream()
                    .filter(r -> exposed.stream().anyMatch(c -> nonZero(r, c)))
                    .flatMap(r -> r.terms().keySet().stream())
                    .filter(c -> !withheld.contains(c))
                    .forEach(c -> {
                        Candidate candidate = byCell.get(c);
                        if (candidate != null) {
                            covers.add(candidate);
                        }
                    });
            if (covers.isEmpty()) {
                unprotectable.addAll(exposed);
                continue;
            }
            Candidate best = covers.iterator().next();
            int bestLeft = Integer.MAX_VALUE;
            for (Candidate c : covers) {
                Set<Cell> trial = new LinkedHashSet<>(withheld);
                trial.add(c.cell());
                int left = derivable(trial, relations).size();
                if (left < bestLeft || (left == bestLeft && CHEAPEST.compare(c, best) < 0)) {
                    best = c;
                    bestLeft = left;
                }
            }
            withheld.add(best.cell());
            secondary.add(best.cell());
        }
        return new Outcome(secondary, derivable(withheld, relations));
    }

    private static boolean nonZero(Relation r, Cell cell) {
        Double coefficient = r.terms().get(cell);
        return coefficient != null && Math.abs(coefficient) > TOLERANCE;
    }

    /** The withheld cells the relations fix, once the cells shown are put in. */
    public static Set<Cell> derivable(Set<Cell> withheld, List<Relation> relations) {
        List<Cell> unknowns = new ArrayList<>(withheld);
        Map<Cell, Integer> index = new HashMap<>();
        for (int i = 0; i < unknowns.size(); i++) {
            index.put(unknowns.get(i), i);
        }
        List<double[]> matrix = new ArrayList<>();
        for (Relation relation : relations) {
            double[] row = new double[unknowns.size()];
            boolean any = false;
            for (Map.Entry<Cell, Double> term : relation.terms().entrySet()) {
                Integer i = index.get(term.getKey());
                if (i != null && Math.abs(term.getValue()) > TOLERANCE) {
                    row[i] += term.getValue();
                    any = true;
                }
            }
            if (any) {
                matrix.add(row);
            }
        }
        double[][] a = matrix.toArray(new double[0][]);
        int columns = unknowns.size();
        int pivotRow = 0;
        int[] pivotOf = new int[a.length];
        for (int column = 0; column < columns && pivotRow < a.length; column++) {
            int best = pivotRow;
            for (int r = pivotRow + 1; r < a.length; r++) {
                if (Math.abs(a[r][column]) > Math.abs(a[best][column])) {
                    best = r;
                }
            }
            if (Math.abs(a[best][column]) <= TOLERANCE) {
                continue;
            }
            double[] swap = a[pivotRow];
            a[pivotRow] = a[best];
            a[best] = swap;
            double pivot = a[pivotRow][column];
            for (int c = 0; c < columns; c++) {
                a[pivotRow][c] /= pivot;
            }
            for (int r = 0; r < a.length; r++) {
                if (r != pivotRow && Math.abs(a[r][column]) > TOLERANCE) {
                    double factor = a[r][column];
                    for (int c = 0; c < columns; c++) {
                        a[r][c] -= factor * a[pivotRow][c];
                    }
                }
            }
            pivotOf[pivotRow] = column;
            pivotRow++;
        }
        Set<Cell> fixed = new LinkedHashSet<>();
        for (int r = 0; r < pivotRow; r++) {
            boolean alone = true;
            for (int c = 0; c < columns && alone; c++) {
                if (c != pivotOf[r] && Math.abs(a[r][c]) > TOLERANCE) {
                    alone = false;
                }
            }
            if (alone) {
                fixed.add(unknowns.get(pivotOf[r]));
            }
        }
        return fixed;
    }
}
