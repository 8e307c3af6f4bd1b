package org.earlyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about the source text that the compiled classes do not show: a type is imported and
 * then named simply, never spelled out with its package inside the code.
 */
class SourceShapeTests {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");

    /** A package path (lower-case segments) followed by a type name, as in {@code java.util.List}. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])(?:java|javax|jakarta|org|com|net|io)\\.(?:[a-z_]\\w*\\.)+(?:@[\\w.]+\\s+)?[A-Z]\\w*");

    /** A class says one thing: past this many lines it is split. */
    static final int MOST_LINES = 400;

    @Test
    void noClassGrowsPastFourHundredLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        Path base = MAIN.resolve("org/earlyhelp");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(f).size();
                if (lines > MOST_LINES) {
                    tooLong.add(base.relativize(f) + ": " + lines + " lines");
                }
            }
        }
        assertThat(tooLong)
                .as("split these classes: no class is over %d lines (issue 17)", MOST_LINES)
                .isEmpty();
    }

    /**
     * Every confirmation dialog opens with Cancel focused ({@code Confirmations.focusCancel}), so a
     * key pressed at once does not do what cannot be undone: a file builds as many as it hands over.
     */
    @Test
    void everyConfirmationDialogOpensOnCancel() throws IOException {
        List<String> unguarded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                long built = Pattern.compile("new ConfirmDialog\\(")
                        .matcher(text)
                        .results()
                        .count();
                long guarded = Pattern.compile("focusCancel\\(\\w+\\)")
                        .matcher(text)
                        .results()
                        .count();
                if (guarded < built) {
                    unguarded.add(MAIN.relativize(f) + ": " + built + " built, " + guarded + " focused on Cancel");
                }
            }
        }
        assertThat(unguarded)
                .as("call Confirmations.focusCancel(dialog) before opening each, or use Confirmations.ask")
                .isEmpty();
    }

    @Test
    void codeNamesImportedTypesWithoutTheirPackage() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(MAIN, TEST)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> found.addAll(inlineNames(f)));
            }
        }
        assertThat(found)
                .as("fully qualified names inside the code: import the type (or, where two types share a"
                        + " name, keep the one the file is about imported)")
                .isEmpty();
    }

    @Test
    void theCheckFindsANameInCodeButNotInImportsCommentsOrText() {
        String source = """
                package org.earlyhelp.example;

                import java.util.List;

                /** Uses {@link java.util.Map}. */
                class Example {
                    // java.util.Set in a comment
                    String text = "org.earlyhelp.shared.Role in a string";
                    java.time.Duration wait;
                    java.time.@Nullable Instant at;
                }
                """;
        assertThat(inlineNames(Path.of("Example.java"), source))
                .containsExactly("Example.java:9: java.time.Duration", "Example.java:10: java.time.@Nullable Instant");
    }

    private static List<String> inlineNames(Path file) {
        try {
            return inlineNames(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> inlineNames(Path file, String source) {
        String code = withoutCommentsAndText(source);
        List<String> found = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(lines[i]);
            while (m.find()) {
                found.add(file.getFileName() + ":" + (i + 1) + ": " + m.group());
            }
        }
        return found;
    }

    /** The source with comments and string, text-block and character literals blanked, lines kept. */
    static String withoutCommentsAndText(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        int n = s.length();
        while (i < n) {
            int end;
            if (s.startsWith("\"\"\"", i)) {
                int close = s.indexOf("\"\"\"", i + 3);
                end = close < 0 ? n : close + 3;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i);
                end = i + 1;
                while (end < n && s.charAt(end) != quote) {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else if (s.startsWith("//", i)) {
                int close = s.indexOf('\n', i);
                end = close < 0 ? n : close;
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
