package org.earlyhelp.shared;

import java.util.List;
import java.util.function.Function;

/**
 * The first items of a list that may go on, and whether it does: for a service that returns at
 * most so many, so that the page showing them can say when it stops short rather than let a part
 * pass for the whole.
 *
 * @param items the first items, in the list's order
 * @param more whether the list goes on past them
 */
public record Listing<T>(List<T> items, boolean more) {

    public Listing {
        items = List.copyOf(items);
    }

    /**
     * The first {@code most} of rows that were read with a limit of {@code most + 1}, and whether
     * that one more was there.
     */
    public static <T> Listing<T> of(List<T> rows, int most) {
        return rows.size() > most ? new Listing<>(rows.subList(0, most), true) : new Listing<>(rows, false);
    }

    /** A list with nothing in it, and nothing more. */
    public static <T> Listing<T> none() {
        return new Listing<>(List.of(), false);
    }

    /** The same listing with each item turned into another. */
    public <R> Listing<R> map(Function<? super T, ? extends R> change) {
        return new Listing<>(items.stream().<R>map(change).toList(), more);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }
}
