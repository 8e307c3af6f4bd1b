package org.earlyhelp.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.earlyhelp.shared.Message;
import org.junit.jupiter.api.Test;

/**
 * An alert's reasons are kept in English and read back as the messages they were made from, so
 * that a page says them in its language; a reason in another form (an older alert) stays as
 * written.
 */
class ConcernsTests {

    @Test
    void reasonsReadBackAsTheMessagesTheyWereMadeFrom() {
        List<Message> raised =
                List.of(Concerns.notSafe(), Concerns.wrote("hurt"), Concerns.wrote("a; b \"c\""), Concerns.overLimit());
        String kept = Concerns.english(raised);
        assertThat(kept)
                .startsWith("said they do not feel safe; wrote \"hurt\"")
                .endsWith("sent while this address or code was over its hourly limit");
        assertThat(Concerns.said(Concerns.english(List.of(Concerns.notSure(), Concerns.wrote("scared")))))
                .containsExactly(Concerns.notSure(), Concerns.wrote("scared"));
        assertThat(Concerns.said("said they do not feel safe; wrote \"hurt\" (sent while this address or code was"
                        + " over its hourly limit)"))
                .containsExactly(
                        Concerns.notSafe(),
                        new Message(
                                "voice.concern.as-written",
                                "wrote \"hurt\" (sent while this address or code was over its hourly limit)"));
    }
}
