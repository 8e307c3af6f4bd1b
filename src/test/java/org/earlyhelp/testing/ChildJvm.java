package org.earlyhelp.testing;

import java.util.List;

/**
 * The options the tests give the Java processes they start and wait for: the production jar (and
 * its AOT cache's training run) and Keycloak. Set by {@code earlyhelp.test.child-jvm-options}; the
 * build gives {@code -XX:TieredStopAtLevel=1}: such a process lives seconds to minutes, mostly
 * starting, where the second compiler's work is not paid back. Measured on a 2-core machine: the
 * jar ready in 11 s using 15 s of processor time instead of 15 s and 27 s; Keycloak in 19 s and 25
 * s instead of 21 s and 34 s. The container image's test runs the image as it is.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** The options, in order; none when the property is unset or blank. */
    public static List<String> options() {
        String options =
                System.getProperty("earlyhelp.test.child-jvm-options", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** The options as one line, for {@code JAVA_OPTS_APPEND} (Keycloak's scripts). */
    public static String line() {
        return String.join(" ", options());
    }
}
