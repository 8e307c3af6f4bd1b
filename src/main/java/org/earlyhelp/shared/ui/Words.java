package org.earlyhelp.shared.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.imports.ImportException;

/**
 * What a service says, in the language of the page being shown (the current UI's locale), from
 * the translation files. Pages use these rather than an exception's English message.
 */
public final class Words {

    private Words() {}

    /** One message in the page's language; a value that is itself a message (or a list of them) is said in it too. */
    public static String of(Message message) {
        Object[] values = Arrays.stream(message.args())
                .map(a -> Message.said(a, Words::of))
                .toArray();
        return I18NProvider.translate(message.key(), values);
    }

    /** Each problem with the input, by field, in the page's language. */
    public static Map<String, String> of(ValidationException invalid) {
        Map<String, String> said = new LinkedHashMap<>();
        invalid.messages().forEach((field, message) -> said.put(field, of(message)));
        return said;
    }

    /** That someone else changed the record, in the page's language. */
    public static String of(ChangedBySomeoneElseException changed) {
        return of(changed.said());
    }

    /** Why a file cannot be read, in the page's language. */
    public static String of(ImportException unreadable) {
        return of(unreadable.why());
    }
}
