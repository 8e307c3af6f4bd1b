package org.earlyhelp.shared.ui;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every word the pages show, from {@code vaadin-i18n/translations*.properties}: English, and each
 * language a council's translators add as {@code translations_<language>.properties} (Urdu as
 * {@code translations_ur.properties}, say). For testing, two pseudo-locales
 * ({@code earlyhelp.i18n.pseudo-locales=true}): {@code en-XA} wraps every text in ⟦ ⟧ and makes it
 * 40% longer, so that a word not taken from these files, or a layout that cannot take longer
 * words, shows; {@code ar-XB} does the same right to left.
 */
@Component
public class Translations implements I18NProvider {

    private static final long serialVersionUID = 1L;

    /** Longer, wrapped text, left to right. */
    public static final Locale PSEUDO = Locale.forLanguageTag("en-XA");
    /** Longer, wrapped text, right to left. */
    public static final Locale PSEUDO_RIGHT_TO_LEFT = Locale.forLanguageTag("ar-XB");

    private static final Pattern LANGUAGE_FILE = Pattern.compile("translations_([a-zA-Z_]+)\\.properties");
    private static final String RIGHT_TO_LEFT_OVERRIDE = "\u202E";
    private static final String POP_DIRECTION = "\u202C";

    private final DefaultI18NProvider files;
    private final List<Locale> locales = new ArrayList<>();

    Translations(@Value("${earlyhelp.i18n.pseudo-locales:false}") boolean pseudo) throws IOException {
        List<Locale> languages = new ArrayList<>();
        languages.add(Locale.ENGLISH);
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:vaadin-i18n/translations_*.properties")) {
            Matcher m = LANGUAGE_FILE.matcher(String.valueOf(file.getFilename()));
            if (m.matches()) {
                Locale language = Locale.forLanguageTag(m.group(1).replace('_', '-'));
                if (!languages.contains(language)) {
                    languages.add(language);
                }
            }
        }
        this.files = new DefaultI18NProvider(languages);
        locales.addAll(languages);
        if (pseudo) {
            locales.add(PSEUDO);
            locales.add(PSEUDO_RIGHT_TO_LEFT);
        }
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.copyOf(locales);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (PSEUDO.equals(locale) || PSEUDO_RIGHT_TO_LEFT.equals(locale)) {
            String text = files.getTranslation(key, Locale.ENGLISH, params);
            String longer = "⟦" + text + padding((int) Math.ceil(text.length() * 0.4)) + "⟧";
            return PSEUDO.equals(locale) ? longer : RIGHT_TO_LEFT_OVERRIDE + longer + POP_DIRECTION;
        }
        return files.getTranslation(key, locale, params);
    }

    /** About 40% more, as words a line can break between, as longer words in another language would be. */
    static String padding(int length) {
        StringBuilder pad = new StringBuilder();
        while (pad.length() < length) {
            pad.append(' ').append("·".repeat(Math.min(5, Math.max(1, length - pad.length() - 1))));
        }
        return pad.toString();
    }

    /** Whether a language is written right to left (Arabic, Urdu, Persian, Hebrew, the RTL pseudo-locale). */
    public static boolean rightToLeft(Locale locale) {
        return PSEUDO_RIGHT_TO_LEFT.equals(locale)
                || List.of("ar", "ur", "fa", "he", "ps", "ku", "yi").contains(locale.getLanguage());
    }
}
