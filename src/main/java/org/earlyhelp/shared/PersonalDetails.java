package org.earlyhelp.shared;

import java.util.regex.Pattern;

/**
 * Whether a text meant to be shared widely (a published answer, a board pack's commentary) looks
 * like it holds a person's details: a long number, an e-mail address, a postcode, a date like a
 * birthday.
 */
public final class PersonalDetails {

    private static final Pattern LOOKS_PERSONAL = Pattern.compile(
            "(\\b\\d{5,}\\b)|(@)|(\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b)|(\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b)",
            Pattern.CASE_INSENSITIVE);

    private PersonalDetails() {}

    public static boolean appearIn(String text) {
        return LOOKS_PERSONAL.matcher(text).find();
    }
}
