package org.earlyhelp.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer Vaadin keeps for each page, written again so that Java can store it in one byte a
 * character: the same JSON, and nothing beyond Latin-1 left in it.
 */
class KeptAnswersTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void charactersBeyondLatin1BecomeEscapesOfTheSameJson() {
        String answer = """
                {"changes":[{"key":"text","value":"Download “Caseloads” as CSV"},\
                {"key":"label","value":"Zoë said 👍 – café, £5 \\"quoted\\" \\\\u201c"}],"syncId":3}""";

        String kept = KeptAnswers.inLatin1(answer);

        assertThat(kept.chars()).allMatch(c -> c <= 0xFF);
        assertThat(kept).contains("\\u201c", "\\ud83d\\udc4d", "Zoë", "café", "£5");
        assertThat(JSON.readTree(kept)).isEqualTo(JSON.readTree(answer));
    }

    @Test
    void anAnswerAlreadyInLatin1IsKeptAsItIs() {
        String answer = "{\"changes\":[{\"key\":\"text\",\"value\":\"Zoë · café\"}]}";

        assertThat(KeptAnswers.inLatin1(answer)).isSameAs(answer);
    }

    @Test
    void theFirstCharacterBeyondLatin1IsFoundWhereverItIs() {
        String plain = "{\"a\":\"café\"}".repeat(1000); // 12,000 characters, more than one block
        assertThat(KeptAnswers.firstBeyondLatin1(plain)).isEqualTo(-1);
        assertThat(KeptAnswers.firstBeyondLatin1("")).isEqualTo(-1);
        for (int at : new int[] {0, 1, 2047, 2048, 2049, 4095, 4096, 11_999}) {
            String answer = plain.substring(0, at) + "“" + plain.substring(at + 1);
            assertThat(KeptAnswers.firstBeyondLatin1(answer)).as("at %d", at).isEqualTo(at);
            String twice = answer.substring(0, 11_999) + "”";
            assertThat(KeptAnswers.firstBeyondLatin1(twice))
                    .as("the first of two, at %d", at)
                    .isEqualTo(at);
        }
    }
}
