package org.earlyhelp.sufficiency;

import java.util.List;
import org.earlyhelp.shared.Message;
import org.earlyhelp.sufficiency.internal.Rules;

/**
 * One thing wrong in an SSDA903 return.
 *
 * @param rule the check's code (see docs/sufficiency.md)
 * @param error whether it stops the upload (otherwise a warning)
 * @param child the council's child id, shown only in the validation report to the importer
 * @param said what is wrong, for a page to say in the person's language
 */
public record Problem(String rule, boolean error, String file, long line, String child, Message said) {

    /** What is wrong, in English (the CSV of problems, logs). */
    public String message() {
        return said.english();
    }

    /** The DfE SSDA903 validation rules this check corresponds to, as DfE numbers them, or none. */
    public List<String> dfeRules() {
        return Rules.dfe(rule);
    }

    /** The DfE rules as one text, for a table or a CSV cell: "218, 1008", or empty. */
    public String dfeRulesText() {
        return String.join(", ", dfeRules());
    }
}
