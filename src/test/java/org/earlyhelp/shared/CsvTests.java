package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CSV cells as spreadsheets read them. */
class CsvTests {

    @Test
    void negativeNumbersStayNumbersWhileFormulasAreNeutralised() {
        assertThat(Csv.cell("-3")).isEqualTo("\"-3\"");
        assertThat(Csv.cell("-1.25")).isEqualTo("\"-1.25\"");
        assertThat(Csv.cell("-3+A1")).isEqualTo("\"'-3+A1\"");
        assertThat(Csv.cell("-")).isEqualTo("\"'-\"");
        assertThat(Csv.cell("=SUM(A1)")).isEqualTo("\"'=SUM(A1)\"");
        assertThat(Csv.cell("@cmd")).isEqualTo("\"'@cmd\"");
        assertThat(Csv.cell("+44")).isEqualTo("\"'+44\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.line(Arrays.asList("a", null, "-7"))).isEqualTo("\"a\",,\"-7\"\n");
    }
}
