package org.earlyhelp.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A UK postcode in its standard form: upper case, outward code, one space, inward code ({@code
 * DY1 1AA}). Parsing forgives spacing and case.
 */
public record Postcode(String value) {

    private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");
    private static final Pattern INWARD = Pattern.compile("[0-9][A-Z]{2}");
    private static final int MAX_INPUT = 16;

    public Postcode {
        if (!isStandard(value)) {
            throw new IllegalArgumentException("Not a postcode in standard form: " + value);
        }
    }

    /** The outward code, for example {@code DY1}. */
    public String outward() {
        return value.substring(0, value.indexOf(' '));
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Reads a postcode as a person might type it ({@code dy11aa}, {@code " DY1  1AA "}).
     *
     * @throws IllegalArgumentException with a plain-English reason when it is not a postcode
     */
    public static Postcode parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("Enter a postcode, like DY1 1AA.");
        }
        if (input.length() > MAX_INPUT) {
            throw new IllegalArgumentException("That is too long for a postcode. A postcode looks like DY1 1AA.");
        }
        String compact = input.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            throw new IllegalArgumentException("A postcode has 5 to 7 letters and numbers, like DY1 1AA.");
        }
        String outward = compact.substring(0, compact.length() - 3);
        String inward = compact.substring(compact.length() - 3);
        if (!OUTWARD.matcher(outward).matches() || !INWARD.matcher(inward).matches()) {
            throw new IllegalArgumentException("That is not a postcode. A postcode looks like DY1 1AA.");
        }
        return new Postcode(outward + " " + inward);
    }

    private static boolean isStandard(String value) {
        int space = value.indexOf(' ');
        return space > 0
                && OUTWARD.matcher(value.substring(0, space)).matches()
                && INWARD.matcher(value.substring(space + 1)).matches();
    }
}
