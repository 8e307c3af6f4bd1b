package org.earlyhelp.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The texts people read: Vaadin formats a text with MessageFormat when it is given values, where
 * a lone apostrophe starts quoting and disappears ("children's" showed as "childrens"); texts
 * without values are shown as written, where a doubled one would show twice.
 */
class TranslationsTests {

    private static final Pattern VALUE = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void apostrophesShowAsWrittenWhetherOrNotATextTakesValues() throws Exception {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(
                getClass().getResourceAsStream("/vaadin-i18n/translations.properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        assertThat(texts).hasSizeGreaterThan(500);
        List<String> wrong = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            if (VALUE.matcher(text).find()) {
                if (LONE_APOSTROPHE.matcher(text).find()) {
                    wrong.add(key + ": a lone apostrophe is dropped; write it twice");
                }
                // Formats, and every apostrophe written twice shows once.
                // A value counted in the text ({0,choice,...} or {0,number}) is given a number.
                Object[] values = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"};
                for (int i = 0; i < values.length; i++) {
                    if (text.contains("{" + i + ",choice") || text.contains("{" + i + ",number")) {
                        values[i] = 2;
                    }
                }
                String shown = new MessageFormat(text, Locale.UK).format(values);
                long expected = text.chars().filter(c -> c == '\'').count() / 2;
                if (shown.chars().filter(c -> c == '\'').count() != expected) {
                    wrong.add(key + ": shows " + shown);
                }
            } else if (text.contains("''")) {
                wrong.add(key + ": takes no values, so a doubled apostrophe shows twice");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Every text the code names by its key is in the files: a page never shows "!en: key". */
    @Test
    void everyKeyTheCodeNamesIsInTheFiles() throws Exception {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(
                getClass().getResourceAsStream("/vaadin-i18n/translations.properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        Pattern named = Pattern.compile(
                "(?:new Message|getTranslation|translate)\\(\\s*\"([a-z][a-z0-9.-]*[a-z0-9])\"\\s*[,)]");
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = named.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    if (!texts.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(found).as("keys named in the code").isGreaterThan(500);
        assertThat(missing).isEmpty();
    }
}
