package org.earlyhelp.sufficiency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.sufficiency.internal.SecondarySuppression.Candidate;
import org.earlyhelp.sufficiency.internal.SecondarySuppression.Cell;
import org.earlyhelp.sufficiency.internal.SecondarySuppression.Relation;
import org.junit.jupiter.api.Test;

/** Secondary suppression worked by hand on small tables. */
class SecondarySuppressionTests {

    private static Cell cell(int row, int column) {
        return new Cell(row, column);
    }

    @Test
    void aTotalGivesAwayTheOneSmallCountSoTheNextSmallestIsWithheldToo() {
        // Groups 3, 40, 12, 7 adding up to 62 on the page: 62 - 40 - 12 - 7 = 3.
        List<Relation> total =
                List.of(new Relation(Map.of(cell(0, 1), 1.0, cell(1, 1), 1.0, cell(2, 1), 1.0, cell(3, 1), 1.0), 62));
        List<Candidate> others = List.of(
                new Candidate(cell(1, 1), 40, true),
                new Candidate(cell(2, 1), 12, true),
                new Candidate(cell(3, 1), 7, true));
        assertThat(SecondarySuppression.derivable(Set.of(cell(0, 1)), total)).containsExactly(cell(0, 1));
        SecondarySuppression.Outcome outcome = SecondarySuppression.protect(Set.of(cell(0, 1)), others, total);
        assertThat(outcome.secondary()).containsExactly(cell(3, 1));
        assertThat(outcome.stillDerivable()).isEmpty();
        // Two withheld cells and one total: x + y = 10 fixes neither.
        assertThat(SecondarySuppression.derivable(Set.of(cell(0, 1), cell(3, 1)), total))
                .isEmpty();
    }

    @Test
    void needIsPlacesPlusGapSoWithTheSupplyOnThePageTheGapIsWithheld() {
        // need 3 = supply 10 + gap -7; the supply is shown on the page, so it is no candidate.
        List<Relation> row = List.of(new Relation(Map.of(cell(0, 1), 1.0, cell(0, 3), -1.0, cell(0, 4), -1.0), 0));
        SecondarySuppression.Outcome outcome =
                SecondarySuppression.protect(Set.of(cell(0, 1)), List.of(new Candidate(cell(0, 4), -7, false)), row);
        assertThat(outcome.secondary()).containsExactly(cell(0, 4));
    }

    @Test
    void relationsAreFollowedFromCellToCellUntilNothingIsFixed() {
        // Two contracts: placed + empty = beds in each; the page says 16 beds, 5 of them empty.
        // Row 0: beds 6, placed 2 (small), empty 4. Row 1: beds 10, placed 9, empty 1.
        List<Relation> relations = List.of(
                new Relation(Map.of(cell(0, 4), 1.0, cell(0, 5), -1.0, cell(0, 6), -1.0), 0),
                new Relation(Map.of(cell(1, 4), 1.0, cell(1, 5), -1.0, cell(1, 6), -1.0), 0),
                new Relation(Map.of(cell(0, 6), 1.0, cell(1, 6), 1.0), 5),
                new Relation(Map.of(cell(0, 4), 1.0, cell(1, 4), 1.0), 16));
        List<Candidate> candidates = List.of(
                new Candidate(cell(0, 4), 6, false),
                new Candidate(cell(0, 6), 4, false),
                new Candidate(cell(1, 4), 10, false),
                new Candidate(cell(1, 5), 9, true),
                new Candidate(cell(1, 6), 1, false));
        SecondarySuppression.Outcome outcome = SecondarySuppression.protect(Set.of(cell(0, 5)), candidates, relations);
        // Row 0's empty beds (withholding its beds would leave them fixed by the 16 just as well,
        // and 4 is less to lose than 6), then row 1's (5 less row 0's), then row 1's children
        // placed (10 less its empty beds): left with placed0 + empty0 = 6, empty0 + empty1 = 5 and
        // placed1 + empty1 = 10, four unknowns in three equations, none of them fixed.
        assertThat(outcome.secondary()).containsExactly(cell(0, 6), cell(1, 6), cell(1, 5));
        assertThat(outcome.stillDerivable()).isEmpty();
    }

    @Test
    void aCountThePageAloneGivesAwayIsReportedNotHidden() {
        // One group and the total beside it: nothing in the export can protect it.
        List<Relation> total = List.of(new Relation(Map.of(cell(0, 1), 1.0), 3));
        SecondarySuppression.Outcome outcome = SecondarySuppression.protect(Set.of(cell(0, 1)), List.of(), total);
        assertThat(outcome.secondary()).isEmpty();
        assertThat(outcome.stillDerivable()).containsExactly(cell(0, 1));
    }
}
