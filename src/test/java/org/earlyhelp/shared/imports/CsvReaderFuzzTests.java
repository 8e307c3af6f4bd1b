package org.earlyhelp.shared.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing (Jazzer) of the CSV reader every import uses: any bytes give records
 * within the reader's bounds, or a refusal that says which line and why.
 */
class CsvReaderFuzzTests {

    @FuzzTest(maxDuration = "60s")
    void anyBytesGiveBoundedRecordsOrAPlainRefusal(byte[] bytes) throws IOException {
        try (CsvReader csv = CsvReader.open(new ByteArrayInputStream(bytes))) {
            assertThat(csv.header().size()).isLessThanOrEqualTo(CsvReader.MAX_FIELDS + 1);
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                assertThat(row.values().size()).isLessThanOrEqualTo(CsvReader.MAX_FIELDS + 1);
                row.values().forEach(v -> assertThat(v.length()).isLessThanOrEqualTo(CsvReader.MAX_FIELD + 1));
            }
        } catch (ImportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
