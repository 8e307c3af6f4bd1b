package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostcodeTests {

    @ParameterizedTest
    @CsvSource({
        "dy11aa, DY1 1AA",
        "' DY1  1AA ', DY1 1AA",
        "b63 3bb, B63 3BB",
        "WV14 0AB, WV14 0AB",
        "sw1a1aa, SW1A 1AA"
    })
    void spacingAndCaseAreForgiven(String typed, String standard) {
        assertThat(Postcode.parse(typed).value()).isEqualTo(standard);
    }

    @ParameterizedTest
    @CsvSource({
        "'', Enter a postcode",
        "DY1, 5 to 7",
        "DY1 1A1, not a postcode",
        "1DY 1AA, not a postcode",
        "ABCDEFGHIJKLMNOPQ, too long"
    })
    void aMalformedPostcodeIsExplained(String typed, String reason) {
        assertThatThrownBy(() -> Postcode.parse(typed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void theOutwardCodeIsTheDistrict() {
        assertThat(Postcode.parse("DY5 4AB").outward()).isEqualTo("DY5");
    }
}
