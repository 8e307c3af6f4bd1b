package org.earlyhelp.sufficiency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.earlyhelp.shared.imports.CsvReader;
import org.earlyhelp.shared.imports.ImportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The crafted files of the fuzzing corpus (each at most 1 MB: a cell reference far beyond the
 * last column, rows all reaching it, entity bombs, a zip bomb, nested CHILD elements, an endless
 * field, an unclosed quote) are each refused in plain words, and none makes a reader allocate more
 * than a bounded amount of memory. The largest is printed.
 */
class HostileFilesTests {

    private static final Path INPUTS = Path.of("src/test/resources/org/earlyhelp");
    private static final long ALLOCATION_BOUND = 512L * 1024 * 1024;
    private static long largest;
    private static String largestFile = "";

    private static List<Path> corpus(String directory) throws IOException {
        try (Stream<Path> files = Files.list(INPUTS.resolve(directory))) {
            return files.sorted().toList();
        }
    }

    /** Bytes the current thread allocated while running the reader: all the memory it could hold. */
    private static long allocatedBy(String file, Runnable reader) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        reader.run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf(Locale.ROOT, "Hostile file %-28s: %,d bytes allocated while read%n", file, allocated);
        if (allocated > largest) {
            largest = allocated;
            largestFile = file;
        }
        assertThat(allocated).as(file + " allocated").isLessThan(ALLOCATION_BOUND);
        return allocated;
    }

    @AfterAll
    static void largest() {
        System.out.printf(
                Locale.ROOT,
                "Largest allocation by a hostile file of at most 1 MB: %,d bytes (%s)%n",
                largest,
                largestFile);
    }

    @Test
    void craftedWorkbooksAreRefusedWithinBoundedMemory() throws IOException {
        for (Path file : corpus("sufficiency/internal/ReturnsFuzzTestsInputs/anyBytesAreAWorkbookOrRefusedPlainly")) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes.length).isLessThanOrEqualTo(1024 * 1024);
            allocatedBy(
                    file.getFileName().toString(),
                    () -> assertThatThrownBy(() -> Xlsx.read(bytes))
                            .as(file.getFileName().toString())
                            .isInstanceOf(ImportException.class)
                            .satisfies(e -> assertThat(e.getMessage()).isNotBlank()));
        }
    }

    @Test
    void craftedReturnsAreRefusedOrReadWithinBoundedMemory() throws IOException {
        for (Path file : corpus(
                "sufficiency/internal/ReturnsFuzzTestsInputs/anyBytesAsATableOrAnXmlReturnAreReadOrRefusedPlainly")) {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            assertThat(bytes.length).isLessThanOrEqualTo(1024 * 1024);
            allocatedBy(name, () -> {
                Returns.Read read = Returns.read(Map.of(name.endsWith(".xml") ? name : "2021-episodes.csv", bytes));
                if (name.equals("many-children.xml")) {
                    assertThat(read.refused()).isEmpty();
                    assertThat(read.headers()).hasSize(9000);
                } else {
                    assertThat(read.refused()).as(name + " is refused").hasSize(1);
                    assertThat(read.episodes()).as(name + " gives no episodes").isEmpty();
                }
            });
        }
        Returns.Read nested = Returns.read(Map.of(
                "nested.xml",
                Files.readAllBytes(INPUTS.resolve("sufficiency/internal/ReturnsFuzzTestsInputs/"
                        + "anyBytesAsATableOrAnXmlReturnAreReadOrRefusedPlainly/nested-children.xml"))));
        assertThat(nested.refused().get("nested.xml").english()).contains("nested more deeply");
    }

    @Test
    void craftedCsvFilesAreRefusedWithinBoundedMemory() throws IOException {
        for (Path file : corpus("shared/imports/CsvReaderFuzzTestsInputs/anyBytesGiveBoundedRecordsOrAPlainRefusal")) {
            byte[] bytes = Files.readAllBytes(file);
            allocatedBy(
                    file.getFileName().toString(),
                    () -> assertThatThrownBy(() -> {
                                try (CsvReader csv = CsvReader.open(new ByteArrayInputStream(bytes))) {
                                    while (csv.next() != null) {
                                        // read it all
                                    }
                                }
                            })
                            .as(file.getFileName().toString())
                            .isInstanceOf(ImportException.class)
                            .satisfies(e -> assertThat(e.getMessage()).startsWith("Line ")));
        }
    }
}
