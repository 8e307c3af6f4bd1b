package org.earlyhelp.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.shared.Message;

/**
 * Why a young person's feedback raised a safeguarding alert: they said they do not feel safe (or
 * are not sure), or wrote one of the words that raise one. Each reason is a message in the
 * translation files; the alert keeps them in English, joined by "; " (for the mail, the audit log
 * and older alerts), and a page reads them back into messages to say them in its language.
 */
public final class Concerns {

    private static final String SEPARATOR = "; ";
    private static final Pattern WROTE = Pattern.compile("wrote \"(.*)\"");

    private Concerns() {}

    static Message notSafe() {
        return new Message("voice.concern.not-safe");
    }

    static Message notSure() {
        return new Message("voice.concern.not-sure");
    }

    static Message overLimit() {
        return new Message("voice.concern.over-limit");
    }

    static Message wrote(String word) {
        return new Message("voice.concern.wrote", word);
    }

    /** The reasons as an alert keeps them. */
    static String english(List<Message> concerns) {
        return String.join(SEPARATOR, concerns.stream().map(Message::english).toList());
    }

    /**
     * The reasons as the audit trail keeps them: what kind of reason each is, never the words a
     * young person wrote. The trail is kept for good and is not erased with the feedback, so the
     * words (a phrase such as "kill myself") stay with the alert, which retention and erasure reach.
     */
    static String withoutWords(String reasons) {
        return String.join(
                SEPARATOR,
                Arrays.stream(reasons.split(Pattern.quote(SEPARATOR)))
                        .map(r -> WROTE.matcher(r).matches() ? "wrote words on the alert list" : r)
                        .toList());
    }

    /** An alert's reasons, each as a message; a reason in another form is kept as it was written. */
    public static List<Message> said(String reasons) {
        List<Message> said = new ArrayList<>();
        for (String reason : reasons.split(Pattern.quote(SEPARATOR))) {
            Matcher wrote = WROTE.matcher(reason);
            if (reason.equals(notSafe().english())) {
                said.add(notSafe());
            } else if (reason.equals(notSure().english())) {
                said.add(notSure());
            } else if (reason.equals(overLimit().english())) {
                said.add(overLimit());
            } else if (wrote.matches()) {
                said.add(wrote(wrote.group(1)));
            } else if (!reason.isBlank()) {
                said.add(new Message("voice.concern.as-written", reason));
            }
        }
        return said;
    }
}
