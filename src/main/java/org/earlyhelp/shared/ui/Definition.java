package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;

/**
 * How a figure is counted, one click away from it: a closed "How this is counted" disclosure under
 * the figure. The words come from the translations' {@code define.*} texts, which the figure
 * documents (docs/figures.md) are generated from, so the page and the documents say the same.
 */
public final class Definition {

    private Definition() {}

    /**
     * @param summary the disclosure's label ("How this is counted")
     * @param key the definition's key without "define.", which also names the element's id
     * @param text the definition, translated
     */
    public static Details of(String summary, String key, String text) {
        return of(summary, key, new Paragraph(text));
    }

    /** As {@link #of(String, String, String)}, for a definition of several parts (a list). */
    public static Details of(String summary, String key, Component content) {
        Details details = new Details(summary, content);
        details.addClassName("definition");
        details.setId("define-" + key.replace('.', '-'));
        return details;
    }
}
