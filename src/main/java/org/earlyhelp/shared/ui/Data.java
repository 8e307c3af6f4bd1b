package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * Marks what a component shows as data, not the page's own words: hubs' and families' names,
 * addresses, what people wrote, links. Browsers' and translators' tools leave such text as it is
 * ({@code translate="no"}), and the pseudo-locale test does not expect it in the translation files.
 * A field's own label, helper text and error message are still the page's words.
 */
public final class Data {

    private Data() {}

    /** The component, its text marked as data. */
    public static <T extends Component> T mark(T component) {
        component.getElement().setAttribute("translate", "no");
        return component;
    }
}
