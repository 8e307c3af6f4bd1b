package org.earlyhelp.sufficiency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.earlyhelp.shared.Message;
import org.earlyhelp.sufficiency.Problem;
import org.earlyhelp.testing.GeneratedDocs;
import org.junit.jupiter.api.Test;

/** The 903 checks in {@code docs/sufficiency.md} are the checks in the code, with their DfE rules. */
class RulesDocumentTests {

    static final Path DOC = Path.of("docs/sufficiency.md");
    static final String BEGIN = "<!-- rules-903:begin -->";
    static final String END = "<!-- rules-903:end -->";

    @Test
    void theDocumentListsEveryCheckWithItsDfeRule() throws Exception {
        StringBuilder table = new StringBuilder(BEGIN)
                .append("\n\n| code | checks | DfE rule | stops the upload |\n|---|---|---|---|\n");
        Set<String> codes = new HashSet<>();
        for (Rules.Rule rule : Rules.ALL) {
            assertThat(codes.add(rule.code()))
                    .as("one rule per code: " + rule.code())
                    .isTrue();
            table.append("| ")
                    .append(rule.code())
                    .append(" | ")
                    .append(rule.checks().english())
                    .append(" | ")
                    .append(rule.dfe().isEmpty() ? "(our own)" : String.join(", ", rule.dfe()))
                    .append(" | ")
                    .append(rule.error() ? "yes" : "no (warning)")
                    .append(" |\n");
        }
        table.append('\n').append(END);
        GeneratedDocs.keepTrue(DOC, BEGIN, END, table.toString());
    }

    @Test
    void aProblemNamesTheDfeRulesOfItsCheck() {
        assertThat(new Problem("E19", false, "f.csv", 2, "C1", new Message("sufficiency.rule.file")).dfeRules())
                .containsExactly("218", "1008");
        assertThat(new Problem("H05", false, "f.csv", 2, "C1", new Message("sufficiency.rule.file")).dfeRulesText())
                .isEqualTo("103");
        assertThat(new Problem("H01", true, "f.csv", 2, "", new Message("sufficiency.rule.file")).dfeRules())
                .isEmpty();
        assertThat(new Problem("FILE", true, "f.csv", 0, "", new Message("sufficiency.rule.file")).dfeRulesText())
                .isEmpty();
        // DfE numbers its rules with digits and at most a letter after them.
        Rules.ALL.forEach(r -> assertThat(r.dfe()).allMatch(c -> c.matches("\\d{3,4}[a-zA-Z]?")));
    }
}
