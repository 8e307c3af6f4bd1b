package org.earlyhelp.testing;

/**
 * Which of Failsafe's forks this JVM is: the browser and integration tests run in two JVMs at once,
 * and what one JVM starts or writes must not be the other's (ports, Keycloak, files in {@code
 * target/}). The build passes the fork number as {@code earlyhelp.test.fork}.
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
}
