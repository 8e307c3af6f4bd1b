package org.earlyhelp.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted, quotes doubled, lines ended with a
 * carriage return and line feed, and a cell that a spreadsheet would take for a formula (starting
 * with =, +, -, @, a tab or a carriage return) prefixed with an apostrophe so that opening an
 * export never runs anything. A plain negative number ("-3", "-1.25") is a number, not a formula,
 * and is written as it is. Files are sent as UTF-8 with a byte-order mark, so that Excel on
 * Windows shows names with accents as they are.
 */
public final class Csv {

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-[0-9]+(\\.[0-9]+)?");

    /** How every line ends (RFC 4180). */
    public static final String LINE_END = "\r\n";

    /** The UTF-8 byte-order mark Excel looks for before it reads a file as UTF-8. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {}

    /** The file's bytes as sent: UTF-8, after a byte-order mark. */
    public static byte[] bytes(String csv) {
        return (BYTE_ORDER_MARK + csv).getBytes(StandardCharsets.UTF_8);
    }

    /** One cell, quoted; nothing for null. */
    public static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = NEGATIVE_NUMBER.matcher(value).matches()
                ? value
                : !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** One line of cells, ending with a carriage return and line feed. */
    public static String line(List<@Nullable String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + LINE_END;
    }
}
