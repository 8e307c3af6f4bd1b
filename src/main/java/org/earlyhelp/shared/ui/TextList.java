package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A list of sentences that are only read (what a young person answered, a response's facts, a
 * hub's measures), sent as one element whose items are written as HTML, not as a component each:
 * less for the server to build, attach, send and keep in the session (docs/performance.md). Every
 * text is escaped, so what a person typed is shown as text, never as markup.
 */
public final class TextList {

    private final List<String> items = new ArrayList<>();

    /** Adds a sentence. */
    public TextList add(String text) {
        return add(text, null);
    }

    /** Adds a sentence with a class of the page's style sheet ({@code badge-overdue}, for one). */
    public TextList add(String text, @Nullable String cssClass) {
        items.add((cssClass == null ? "<li>" : "<li class=\"" + Markup.escape(cssClass) + "\">") + Markup.escape(text)
                + "</li>");
        return this;
    }

    /** The list as an element of the page. */
    public UnorderedList build() {
        UnorderedList list = new UnorderedList();
        list.getElement().setProperty("innerHTML", String.join("", items));
        return list;
    }
}
