package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
        // A tab or carriage return at the start can also start a formula in some spreadsheets.
        assertThat(Csv.cell("\t=1+1")).isEqualTo("\"'\t=1+1\"");
        assertThat(Csv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(Csv.cell("")).isEqualTo("\"\"");
    }

    /** Issue 18: RFC 4180 line ends, and a byte-order mark so that Excel reads UTF-8. */
    @Test
    void linesEndWithCrLfAndFilesStartWithAByteOrderMark() {
        assertThat(Csv.line(Arrays.asList("a", null, "-7"))).isEqualTo("\"a\",,\"-7\"\r\n");
        byte[] file = Csv.bytes(Csv.line(Arrays.asList("Zoë", "Łukasz")));
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8)).isEqualTo("\"Zoë\",\"Łukasz\"\r\n");
    }
}
