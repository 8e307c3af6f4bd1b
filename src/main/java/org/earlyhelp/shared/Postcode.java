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
     * @throws Invalid with a plain reason, in the translation files, when it is not a postcode
     */
    public static Postcode parse(String input) {
        if (input == null || input.isBlank()) {
            throw new Invalid(new Message("shared.postcode.enter"));
        }
        if (input.length() > MAX_INPUT) {
            throw new Invalid(new Message("shared.postcode.too-long"));
        }
        String compact = input.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            throw new Invalid(new Message("shared.postcode.length"));
        }
        String outward = compact.substring(0, compact.length() - 3);
        String inward = compact.substring(compact.length() - 3);
        if (!OUTWARD.matcher(outward).matches() || !INWARD.matcher(inward).matches()) {
            throw new Invalid(new Message("shared.postcode.not-a-postcode"));
        }
        return new Postcode(outward + " " + inward);
    }

    private static boolean isStandard(String value) {
        int space = value.indexOf(' ');
        return space > 0
                && OUTWARD.matcher(value.substring(0, space)).matches()
                && INWARD.matcher(value.substring(space + 1)).matches();
    }

    /** What a person typed is not a postcode: {@link #why()} says why in plain words. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final Message why;

        Invalid(Message why) {
            super(why.english());
            this.why = why;
        }

        /** Why, for a page to say in the person's language. */
        public Message why() {
            return why;
        }
    }
}
