package org.earlyhelp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Values generated from a seed, for parameterised tests of typed inputs (request drafts, API
 * bodies): the same seed gives the same values, so a failing case is named by its seed and runs
 * again exactly. Strings mix plain letters with the characters that break software: quotes,
 * commas, line breaks, control characters, byte-order marks, emoji, right-to-left text.
 */
public final class Generated {

    /** Characters that have broken parsers and databases before, mixed into generated text. */
    private static final String NASTY = "\"',;\n\r\t\u0000\u0001\u001f\uFEFF\u202E\u00A0€£é中😀\\{}[]<>&%$#";

    private final Random random;

    public Generated(long seed) {
        this.random = new Random(seed);
    }

    /** The seeds of {@code count} cases, for {@code @MethodSource}. */
    public static Stream<Long> seeds(int count) {
        return LongStream.range(0, count).map(i -> 0x5EED_0000L + i).boxed();
    }

    /** A whole number from {@code min} to {@code max}, both included, over any span. */
    public int between(int min, int max) {
        return (int) random.nextLong(min, (long) max + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of the suppliers' values, chosen evenly. */
    @SafeVarargs
    public final <T> T oneOf(Supplier<? extends T>... suppliers) {
        return suppliers[random.nextInt(suppliers.length)].get();
    }

    /** Text up to {@code maxLength} characters: letters mostly, with some of {@link #NASTY}. */
    public String text(int maxLength) {
        return text(0, maxLength);
    }

    public String text(int minLength, int maxLength) {
        int length = between(minLength, maxLength);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            if (random.nextInt(8) == 0) {
                int i = random.nextInt(NASTY.length());
                s.appendCodePoint(NASTY.codePointAt(Character.isLowSurrogate(NASTY.charAt(i)) ? i - 1 : i));
            } else {
                s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    public byte[] bytes(int maxLength) {
        byte[] bytes = new byte[between(0, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    public <T> List<T> list(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }
}
