package org.earlyhelp.shared;

/**
 * The rule for a service method that returns a page of a list: a caller asks for 1 to the most
 * that method returns, from an offset of 0 or more. A larger page is refused, not cut short
 * without a word, so that no caller takes a part for the whole.
 */
public final class Paging {

    private Paging() {}

    /**
     * Refuses a page of fewer than 1 or more than {@code most} items, or one that starts before the
     * first.
     *
     * @throws IllegalArgumentException saying which
     */
    public static void require(int limit, int offset, int most) {
        if (limit < 1 || limit > most) {
            throw new IllegalArgumentException("A page holds 1 to " + most + " items, not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("A page cannot start before the first item: " + offset);
        }
    }
}
