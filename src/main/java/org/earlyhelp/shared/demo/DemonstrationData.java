package org.earlyhelp.shared.demo;

/**
 * A module's demonstration data. Each implementation must be idempotent: loading twice changes
 * nothing the second time.
 */
public interface DemonstrationData {

    /** Lower loads first; modules whose data refers to another's load after it. */
    int order();

    /** Loads the data if it is not there yet. */
    void load();
}
