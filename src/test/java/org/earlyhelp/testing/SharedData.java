package org.earlyhelp.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real-format open data and synthetic 903 files in {@code ../shared/data}, read in place and
 * never copied. Absent locally, tests that need them skip; under {@code CI=true} they fail.
 */
public final class SharedData {

    private SharedData() {}

    public static Path file(String relative) {
        return present(Path.of(System.getProperty("earlyhelp.test.shared-data", "../shared/data"))
                .resolve(relative));
    }

    /** A file of the standards we follow, in {@code ../shared/standards}, under the same rule. */
    public static Path standard(String relative) {
        return present(Path.of(System.getProperty("earlyhelp.test.shared-standards", "../shared/standards"))
                .resolve(relative));
    }

    private static Path present(Path file) {
        if (!Files.isReadable(file)) {
            String message = "Shared data file " + file.toAbsolutePath() + " is not there.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " Under CI=true the tests that need it must run.");
            }
            Assumptions.abort(message + " Skipping.");
        }
        return file;
    }
}
