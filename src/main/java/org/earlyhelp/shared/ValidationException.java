package org.earlyhelp.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that cannot be saved: a plain message for each field that is wrong, keyed by the field's
 * name, so a form can show each next to its field. Nothing was saved.
 */
public class ValidationException extends RuntimeException {

    private final Map<String, String> problems;

    public ValidationException(Map<String, String> problems) {
        super("Please correct: " + String.join("; ", problems.values()));
        this.problems = Map.copyOf(new LinkedHashMap<>(problems));
    }

    /** Field name to message. */
    public Map<String, String> problems() {
        return problems;
    }
}
