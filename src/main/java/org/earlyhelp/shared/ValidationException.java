package org.earlyhelp.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that cannot be saved: a message for each field that is wrong, keyed by the field's name,
 * so a form can show each next to its field in the person's language. Nothing was saved.
 */
public class ValidationException extends RuntimeException {

    private final Map<String, Message> messages;

    public ValidationException(Map<String, Message> messages) {
        super("Please correct: "
                + String.join(
                        "; ", messages.values().stream().map(Message::english).toList()));
        this.messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    }

    /** Field name to message, in the order found, for a page to say in the person's language. */
    public Map<String, Message> messages() {
        return messages;
    }

    /** Field name to message in English, for logs, the API and tests. */
    public Map<String, String> problems() {
        Map<String, String> english = new LinkedHashMap<>();
        messages.forEach((field, message) -> english.put(field, message.english()));
        return english;
    }
}
