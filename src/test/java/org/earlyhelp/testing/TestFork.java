package org.earlyhelp.testing;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/**
 * Which of Failsafe's forks this JVM is: where the browser and integration tests run in several JVMs
 * at once (one by default), what one JVM starts or writes must not be another's (ports, Keycloak,
 * files in {@code target/}), unless they take turns making it ({@link #inTurn}). The build passes the
 * fork number as {@code earlyhelp.test.fork}.
 */
public final class TestFork {

    private TestFork() {}

    /** This JVM's fork number (1, 2, ...), or 0 when it was given none (the unit tests, an IDE). */
    public static int number() {
        return Integer.getInteger("earlyhelp.test.fork", 0);
    }

    /** {@code name} when this JVM runs tests alone, else {@code name-N} in fork N: a name of its own. */
    public static String own(String name) {
        int fork = number();
        return fork == 0 ? name : name + "-" + fork;
    }

    /**
     * Does the work while holding {@code target/<lock>.lock}, for what the JVMs running tests at once
     * share and one must not write while another writes or reads it (the extracted jar, Keycloak's
     * build). Within one JVM, one at a time too.
     */
    public static synchronized <T> T inTurn(String lock, Callable<T> work) throws Exception {
        Files.createDirectories(Path.of("target"));
        try (FileChannel channel = FileChannel.open(
                        Path.of("target", lock + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return work.call();
        }
    }
}
