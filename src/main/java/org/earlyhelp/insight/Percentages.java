package org.earlyhelp.insight;

import org.jspecify.annotations.Nullable;

/** Shares as percentages with one decimal, or nothing when there is nothing to share. */
final class Percentages {

    private Percentages() {}

    static @Nullable Double of(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
