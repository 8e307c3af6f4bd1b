package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;

/**
 * The language of the public pages, chosen by the person reading them: offered when there is more
 * than one (English and the languages a council's translators have added). The choice is kept for
 * the visit, and the page is laid out right to left for Arabic, Urdu and the like.
 */
public class LanguagePicker extends Select<Locale> {

    public LanguagePicker() {
        I18NProvider translations = VaadinService.getCurrent().getInstantiator().getI18NProvider();
        List<Locale> languages = translations == null ? List.of() : translations.getProvidedLocales();
        setLabel(getTranslation("language.choose"));
        setId("language");
        addClassName("language-picker");
        // Wide enough for a language's name in its own words.
        getStyle().set("min-width", "16rem");
        setItems(languages);
        setItemLabelGenerator(LanguagePicker::name);
        setVisible(languages.size() > 1);
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setLocale(e.getValue());
                UI ui = UI.getCurrent();
                ui.setLocale(e.getValue());
                // Everything on the page is drawn again in the new language.
                ui.getPage().reload();
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        Locale locale = ui.getLocale();
        if (getListDataView().contains(locale)) {
            setValue(locale);
        }
        direction(ui);
    }

    /** Lays the page out right to left for a right-to-left language, and tells the browser its language. */
    public static void direction(UI ui) {
        Locale locale = ui.getLocale();
        ui.setDirection(Translations.rightToLeft(locale) ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
        ui.getPage().executeJs("document.documentElement.lang = $0", locale.toLanguageTag());
    }

    /** A language's name in that language ("English", "اردو"); the pseudo-locales by what they test. */
    static String name(Locale locale) {
        if (Translations.PSEUDO.equals(locale)) {
            return "Pseudo-locale (longer)";
        }
        if (Translations.PSEUDO_RIGHT_TO_LEFT.equals(locale)) {
            return "Pseudo-locale (right to left)";
        }
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.toLanguageTag() : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
