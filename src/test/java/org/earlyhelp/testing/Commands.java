package org.earlyhelp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Commands the tests run to their end: extracting the jar, training its cache, building Keycloak. */
public final class Commands {

    private Commands() {}

    /**
     * Runs the command with the extra environment to its end, failing with what it says (its last 40
     * lines) when it fails or outlasts the limit.
     */
    public static void runToEnd(String failure, Duration limit, Map<String, String> environment, String... command)
            throws Exception {
        Path log = Files.createTempFile("earlyhelp-command", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(failure + " (no end within " + limit + "):\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(failure + " (exit " + process.exitValue() + "):\n" + tail(log));
        }
    }

    private static String tail(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
