package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Coverage-guided fuzzing (Jazzer) of the postcode parser: a standard postcode, or a plain refusal. */
class PostcodeFuzzTests {

    @FuzzTest(maxDuration = "30s")
    void anyInputIsEitherAStandardPostcodeOrAPlainRefusal(String input) {
        try {
            Postcode postcode = Postcode.parse(input);
            assertThat(Postcode.parse(postcode.value())).isEqualTo(postcode);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
        }
    }
}
