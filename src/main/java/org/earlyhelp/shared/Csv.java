package org.earlyhelp.shared;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted, quotes doubled, and a cell that a
 * spreadsheet would take for a formula (starting with =, +, - or @) prefixed with an apostrophe so
 * that opening an export never runs anything. A plain negative number ("-3", "-1.25") is a number,
 * not a formula, and is written as it is.
 */
public final class Csv {

    private static final java.util.regex.Pattern NEGATIVE_NUMBER =
            java.util.regex.Pattern.compile("-[0-9]+(\\.[0-9]+)?");

    private Csv() {}

    /** One cell, quoted; nothing for null. */
    public static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = NEGATIVE_NUMBER.matcher(value).matches()
                ? value
                : value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
                        ? "'" + value
                        : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** One line of cells, ending with a line feed. */
    public static String line(List<@Nullable String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\n";
    }
}
