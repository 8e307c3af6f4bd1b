package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;

/**
 * How a figure is counted, one click away from it: a closed "How this is counted" disclosure under
 * the figure. The words come from the translations' {@code define.*} texts, which the figure
 * documents (docs/figures.md) are generated from, so the page and the documents say the same.
 */
public final class Definition {

    private Definition() {}

    /**
     * A browser's own disclosure ({@code <details>}), written as one element's HTML with both texts
     * escaped: it opens and closes in the browser without a message to the server, and a page with
     * a definition under each of its figures (the hub dashboard has eleven) sends and keeps one
     * element for each instead of a component tree.
     *
     * @param summary the disclosure's label ("How this is counted")
     * @param key the definition's key without "define.", which also names the element's id
     * @param text the definition, translated
     */
    public static Component of(String summary, String key, String text) {
        Div definition = new Div();
        definition.addClassName("definition");
        definition.setId(id(key));
        definition
                .getElement()
                .setProperty(
                        "innerHTML",
                        "<details><summary>" + Markup.escape(summary) + "</summary><p>" + Markup.escape(text)
                                + "</p></details>");
        return definition;
    }

    /** As {@link #of(String, String, String)}, for a definition of several parts (a list). */
    public static Details of(String summary, String key, Component content) {
        Details details = new Details(summary, content);
        details.addClassName("definition");
        details.setId(id(key));
        return details;
    }

    private static String id(String key) {
        return "define-" + key.replace('.', '-');
    }
}
