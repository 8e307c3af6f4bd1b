package org.earlyhelp.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers a test starts itself (an application on a fixed port, Keycloak, a proxy,
 * a mail server), chosen <em>below the kernel's ephemeral range</em>.
 *
 * <p>A port the kernel hands out for {@code new ServerSocket(0)} comes from the ephemeral range,
 * the same range it draws the local end of every outgoing connection from. Such a port, free when
 * chosen, can be taken minutes later by a connection to PostgreSQL or by Chromium, before the
 * server meant for it binds it: in CI, {@code KeycloakLoginIT}'s application, whose port is chosen
 * when Keycloak starts, once failed with "Port … is already in use". The kernel never gives a port
 * below that range to an outgoing connection or to a bind on port 0, so a port chosen here stays
 * free until something asks for it by number. The same port is never handed out twice in one run.
 *
 * <p>Where tests run in several JVMs at once (Failsafe's forks; it runs one by default), each draws
 * from a slice of the range of its own ({@link TestFork}), so that a port one JVM chose but has not
 * bound yet (Keycloak's application port waits for its application) cannot be chosen by another.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int EPHEMERAL_RANGE_START = ephemeralRangeStart();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    /**
     * The ports from {@link #LOWEST} up that Chromium refuses to open a page on ("This site can't be
     * reached", {@code ERR_UNSAFE_PORT}): its restricted ports end at 10080 (amanda). Keycloak mode's
     * application once drew 10080 in CI, and every page of it failed.
     */
    static final Set<Integer> BROWSERS_REFUSE = Set.of(10_080);

    /** How many slices the range is cut into, one for each JVM that may run tests at once. */
    static final int SLICES = 4;

    private FreePorts() {}

    /** A port nobody listens on now and that no outgoing connection can take, for a server to listen on. */
    public static synchronized int next() {
        return next(slice(TestFork.number(), EPHEMERAL_RANGE_START));
    }

    /** A free port from the slice given (from inclusive, to exclusive) that a browser will open. */
    static synchronized int next(int[] slice) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(slice[0], slice[1]);
            if (!HANDED_OUT.contains(port) && !BROWSERS_REFUSE.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + slice[0] + " and " + slice[1]);
    }

    /**
     * The ports a JVM draws from, from (inclusive) and to (exclusive): the whole range below the
     * ephemeral one when it runs alone (fork 0), else the fork's slice of it.
     */
    static int[] slice(int fork, int rangeEnd) {
        if (fork <= 0) {
            return new int[] {LOWEST, rangeEnd};
        }
        int size = (rangeEnd - LOWEST) / SLICES;
        int from = LOWEST + ((fork - 1) % SLICES) * size;
        return new int[] {from, from + size};
    }

    /** The first port of the kernel's ephemeral range ({@code 32768} on Linux unless configured). */
    static int ephemeralRangeStart() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                int start = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
                if (start > LOWEST + 1_000) {
                    return start;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The usual default below.
        }
        return 32_768;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
