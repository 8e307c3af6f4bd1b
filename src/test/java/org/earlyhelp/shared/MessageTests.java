package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A service's message is a key in the translation files with its values; English for logs and the API. */
class MessageTests {

    @Test
    void aMessageIsInTheFilesAndReadsInEnglish() {
        assertThat(new Message("voice.problem.too-long", 2000).english())
                .isEqualTo("That is a lot to say! Please keep it under 2000 letters.");
        assertThat(new Message("voice.problem.name").english())
                .isEqualTo("Write your first name, or choose \"nobody knows it's me\".");
        assertThatThrownBy(() -> new Message("voice.problem.not-written"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voice.problem.not-written");
    }
}
