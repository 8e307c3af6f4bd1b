package org.earlyhelp.sufficiency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.Map;
import org.earlyhelp.shared.imports.ImportException;

/**
 * Coverage-guided fuzzing (Jazzer) of the SSDA903 and Ofsted readers. In the build each target
 * replays its committed corpus (the crafted files among it) as a regression test; {@code
 * ./mvnw -Pfuzz test -Dtest=ReturnsFuzzTests#... } fuzzes one target for a set time (see the
 * README). Whatever the bytes, the answer is rows and plain-English problems, a refusal with a
 * message, never another exception, and never more memory or time than the limits allow.
 */
class ReturnsFuzzTests {

    @FuzzTest(maxDuration = "60s")
    void anyBytesAsATableOrAnXmlReturnAreReadOrRefusedPlainly(byte[] bytes) {
        for (String name : new String[] {"2021-episodes.csv", "2021-header.csv", "2021-reviews.csv", "return.xml"}) {
            Returns.Read read = Returns.read(Map.of(name, bytes));
            read.refused().values().forEach(why -> assertThat(why.english()).isNotBlank());
            Rules.check(read, LocalDate.of(2026, 11, 26))
                    .forEach(p -> assertThat(p.message()).isNotBlank());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyBytesAreAWorkbookOrRefusedPlainly(byte[] bytes) {
        try {
            Xlsx.read(bytes);
        } catch (ImportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyTextAsADateIsADateOrNothing(String text) {
        LocalDate date = Returns.date(text);
        if (date != null) {
            assertThat(date.getYear()).isBetween(0, 9999);
        }
    }
}
