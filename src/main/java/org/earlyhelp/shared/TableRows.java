package org.earlyhelp.shared;

import java.util.List;

/**
 * The rows of a table a person downloads, each a list of cells (text, numbers, dates; a blank cell
 * is {@code null}). A type of its own rather than a bare list of lists: Spring Modulith's
 * observability (2.1.0, the version served here) names each call into a module before making it,
 * and fails a call with a parameter whose type has a wildcard it cannot resolve, such as {@code
 * List<? extends List<?>>} (spring-modulith GH-1748; {@code ObservabilityTests} checks every bean
 * it wraps).
 */
public record TableRows(List<? extends List<?>> rows) {

    public TableRows {
        rows = List.copyOf(rows);
    }
}
